package org.guildhall.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.membership.AccessDecision;

/**
 * A lesson's page, decided for one learner.
 *
 * @param bodyHtml the lesson's text, empty when locked or not open yet
 * @param media the lesson's video or audio (null for text, locked or not yet open)
 * @param opensAt for a drip lesson not open yet: when it opens for this learner
 * @param previous the lesson before in the course order, null for the first
 * @param next the lesson after, null for the last
 */
public record LessonPage(
    ItemCard course,
    UUID lessonId,
    int number,
    String title,
    LessonKind kind,
    boolean preview,
    String bodyHtml,
    MediaLink media,
    List<MediaLink> attachments,
    AccessDecision decision,
    Instant opensAt,
    boolean completed,
    CourseOutline outline,
    LearnerProgress.CourseProgress progress,
    UUID previous,
    UUID next) {

  public LessonPage {
    attachments = List.copyOf(attachments);
  }

  public boolean locked() {
    return !decision.allowed();
  }

  public boolean waiting() {
    return decision.allowed() && opensAt != null;
  }
}
