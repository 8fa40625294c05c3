package org.guildhall.learning;

import java.time.Instant;
import java.util.UUID;

/**
 * A course a learner is enrolled in, with their progress, as "My learning" and the home page show
 * it.
 *
 * @param lessons the course's lessons now
 * @param completedLessons how many of them the learner completed
 * @param nextLessonId where "Continue" goes: the lesson the learner was last playing, else the
 *     first one not completed (null when every lesson is completed)
 * @param completedAt when the course was completed (null while in progress)
 * @param certificateCode the completion certificate's code, null before completion
 */
public record EnrolledCourse(
    UUID courseId,
    String slug,
    String title,
    int lessons,
    int completedLessons,
    UUID nextLessonId,
    Instant enrolledAt,
    Instant lastActiveAt,
    Instant completedAt,
    String certificateCode) {

  /** Whole percent of the course's lessons completed. */
  public int percent() {
    return Progress.percent(completedLessons, lessons);
  }

  public boolean completed() {
    return completedAt != null;
  }

  /** The course page. */
  public String path() {
    return "/courses/" + slug;
  }

  /** Where "Continue" goes: the next lesson, or the course page. */
  public String continuePath() {
    return nextLessonId == null ? path() : path() + "/lessons/" + nextLessonId;
  }
}
