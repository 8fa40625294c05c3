package org.guildhall.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lesson as its editor shows it, with the row version a save must name. */
public record StudioLesson(
    UUID id,
    UUID courseId,
    String courseTitle,
    UUID sectionId,
    String sectionTitle,
    String title,
    LessonKind kind,
    String bodyMd,
    UUID mediaId,
    Integer durationSeconds,
    boolean preview,
    int dripDays,
    List<UUID> attachments,
    long version,
    Instant updatedAt) {

  public StudioLesson {
    attachments = List.copyOf(attachments);
  }

  public LessonDraft toDraft() {
    return new LessonDraft(
        title, kind, bodyMd, mediaId, durationSeconds, preview, dripDays, attachments);
  }
}
