package org.guildhall.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.content.LessonKind;
import org.guildhall.platform.DomainException;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.ValueBridgeRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;

/**
 * A lesson of a course: text, or a video or audio with text beside it. A preview lesson is open to
 * everyone; a drip lesson opens {@code dripDays} after the learner enrolled. Its title and text are
 * searched as part of its course's document, and read with the course's access.
 */
@Entity
@Table(name = "content_lesson")
class Lesson {

  @Id private UUID id;

  @Column(name = "course_id", nullable = false)
  private UUID courseId;

  /** The course (the same row as {@link #courseId}), for search to reindex it with its lessons. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "course_id", insertable = false, updatable = false)
  private ContentItem course;

  @Column(nullable = false)
  private UUID sectionId;

  private int position;

  @Column(nullable = false)
  @FullTextField(analyzer = ContentAnalyzer.NAME, highlightable = Highlightable.PLAIN)
  private String title;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private LessonKind kind;

  @Column(nullable = false)
  @FullTextField(
      name = "body",
      analyzer = ContentAnalyzer.NAME,
      valueBridge = @ValueBridgeRef(type = MarkdownTextBridge.class),
      highlightable = Highlightable.FAST_VECTOR,
      termVector = TermVector.WITH_POSITIONS_OFFSETS)
  private String bodyMd;

  @Column(nullable = false)
  private String bodyHtml;

  private UUID mediaId;
  private Integer durationSeconds;
  private boolean preview;
  private int dripDays;

  @Column(nullable = false)
  private Instant createdAt;

  @Column(nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Lesson() {}

  Lesson(
      ContentItem course,
      UUID sectionId,
      int position,
      String title,
      LessonKind kind,
      Instant now) {
    this.id = UUID.randomUUID();
    this.course = course;
    this.courseId = course.id();
    this.sectionId = sectionId;
    this.position = position;
    this.title = title;
    this.kind = kind;
    this.bodyMd = "";
    this.bodyHtml = "";
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** New text, rendered by the caller; true when it changed. */
  boolean write(String title, String bodyMd, String bodyHtml, Instant now) {
    boolean changed = !this.title.equals(title) || !this.bodyMd.equals(bodyMd);
    this.title = title;
    this.bodyMd = bodyMd;
    this.bodyHtml = bodyHtml;
    this.updatedAt = now;
    return changed;
  }

  void settings(
      LessonKind kind,
      UUID mediaId,
      Integer durationSeconds,
      boolean preview,
      int dripDays,
      Instant now) {
    if (dripDays < 0 || dripDays > 3650) {
      throw DomainException.invalidField("dripDays", "content.error.drip");
    }
    if (kind != LessonKind.TEXT && mediaId == null) {
      throw DomainException.invalidField("mediaId", "content.error.lesson-media");
    }
    this.kind = kind;
    this.mediaId = mediaId;
    this.durationSeconds = durationSeconds;
    this.preview = preview;
    this.dripDays = dripDays;
    this.updatedAt = now;
  }

  void moveTo(UUID sectionId, int position) {
    this.sectionId = sectionId;
    this.position = position;
  }

  UUID id() {
    return id;
  }

  UUID courseId() {
    return courseId;
  }

  UUID sectionId() {
    return sectionId;
  }

  int position() {
    return position;
  }

  String title() {
    return title;
  }

  LessonKind kind() {
    return kind;
  }

  String bodyMd() {
    return bodyMd;
  }

  String bodyHtml() {
    return bodyHtml;
  }

  UUID mediaId() {
    return mediaId;
  }

  Integer durationSeconds() {
    return durationSeconds;
  }

  boolean preview() {
    return preview;
  }

  int dripDays() {
    return dripDays;
  }

  long version() {
    return version;
  }
}
