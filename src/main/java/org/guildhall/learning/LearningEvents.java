package org.guildhall.learning;

import java.time.Instant;
import java.util.UUID;

/** What the learning module tells others. Events carry ids and values, never entities. */
public final class LearningEvents {

  private LearningEvents() {}

  /** A learner enrolled in a course (by themselves, by buying it, or by starting a lesson). */
  public record Enrolled(UUID accountId, UUID courseId, Instant at) {}

  /** A learner marked a lesson complete (once per lesson, unless they unmark it again). */
  public record LessonCompleted(UUID accountId, UUID courseId, UUID lessonId, Instant at) {}

  /** A learner completed every lesson of a course; its certificate was issued. Once per course. */
  public record CourseCompleted(
      UUID accountId, UUID courseId, String certificateCode, Instant at) {}
}
