package org.guildhall.learning;

import java.util.UUID;

/**
 * A lesson's completion state after marking or unmarking it, with the course's progress.
 *
 * @param completed the lesson is marked complete now
 * @param courseCompleted this call completed the course (its certificate was just issued)
 * @param certificateCode the course's certificate for this learner, if it has been issued
 */
public record LessonCompletion(
    UUID courseId,
    String courseSlug,
    UUID lessonId,
    boolean completed,
    int lessons,
    int completedLessons,
    boolean courseCompleted,
    String certificateCode) {

  public int percent() {
    return Progress.percent(completedLessons, lessons);
  }

  /** The lesson's page. */
  public String lessonPath() {
    return "/courses/" + courseSlug + "/lessons/" + lessonId;
  }

  /** The certificate's public page, or null before the course is completed. */
  public String certificatePath() {
    return certificateCode == null ? null : "/certificates/" + certificateCode;
  }
}
