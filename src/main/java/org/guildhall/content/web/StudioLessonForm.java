package org.guildhall.content.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.content.StudioLesson;

/** A lesson's form as typed (see {@link StudioItemForm}). */
public record StudioLessonForm(
    String title,
    String kind,
    String bodyMd,
    String mediaId,
    String duration,
    String preview,
    String dripDays,
    List<String> attachments,
    String note,
    String version,
    String overwriteVersion) {

  public StudioLessonForm {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public static StudioLessonForm of(StudioLesson l) {
    return new StudioLessonForm(
        l.title(),
        l.kind().name(),
        l.bodyMd(),
        l.mediaId() == null ? "" : l.mediaId().toString(),
        StudioFields.duration(l.durationSeconds()),
        l.preview() ? "true" : "",
        Integer.toString(l.dripDays()),
        l.attachments().stream().map(Object::toString).toList(),
        "",
        Long.toString(l.version()),
        "");
  }

  public record Parsed(LessonDraft draft, Long version, Map<String, String> errors) {}

  public Parsed parse() {
    Map<String, String> errors = new LinkedHashMap<>();
    LessonDraft draft =
        new LessonDraft(
            StudioFields.text(title),
            kindOrText(),
            StudioFields.text(bodyMd),
            StudioFields.uuid(mediaId, "mediaId", "content.error.media-not-yours", errors),
            StudioFields.duration(duration, "duration", errors),
            isPreview(),
            StudioFields.whole(dripDays, 0, 3650, "dripDays", "content.error.drip", errors),
            StudioFields.uuids(attachments, "attachments", errors));
    String v = overwriteVersion != null && !overwriteVersion.isBlank() ? overwriteVersion : version;
    return new Parsed(draft, StudioFields.version(v), errors);
  }

  public LessonKind kindOrText() {
    try {
      return kind == null || kind.isBlank() ? LessonKind.TEXT : LessonKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return LessonKind.TEXT;
    }
  }

  public boolean isPreview() {
    return "true".equals(preview) || "on".equals(preview);
  }

  public boolean attached(String id) {
    return attachments.contains(id);
  }
}
