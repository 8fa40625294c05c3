package org.guildhall.content;

import java.util.List;
import java.util.UUID;

/** What an author writes and sets on a lesson. */
public record LessonDraft(
    String title,
    LessonKind kind,
    String bodyMd,
    UUID mediaId,
    Integer durationSeconds,
    boolean preview,
    int dripDays,
    List<UUID> attachments) {

  public LessonDraft {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
