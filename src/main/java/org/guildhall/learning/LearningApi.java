package org.guildhall.learning;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.learning.internal.LearningService;
import org.springframework.stereotype.Service;

/**
 * The learning module's facade: enrolment, lesson completion, resume positions, a learner's courses
 * with their progress, and certificates.
 *
 * <p>Every write about a lesson first asks content whether the learner may open it now (access and
 * drip) and answers 403 otherwise, storing nothing. A learner with access to the whole course is
 * enrolled by their first completion or saved position; a free preview alone enrols no one.
 */
@Service
public class LearningApi {

  /** Resume positions are whole seconds from 0 to this (a day). */
  public static final int MAX_POSITION_SECONDS = LearningService.MAX_POSITION_SECONDS;

  private final LearningService learning;

  LearningApi(LearningService learning) {
    this.learning = learning;
  }

  /**
   * Enrols the learner in a course they may read (a tier that includes it, a purchase, a public
   * course; previews are not enough). True when this call enrolled them; false when they already
   * were. 404 for no such course, 403 without access.
   */
  public boolean enrol(UUID accountId, UUID courseId) {
    return learning.enrol(accountId, courseId);
  }

  /**
   * Marks a lesson complete (idempotent). Completing the course's last lesson marks the course
   * completed and issues its certificate, exactly once. 404 for no such lesson, 403 when the
   * learner may not open it now.
   */
  public LessonCompletion complete(UUID accountId, UUID lessonId) {
    return learning.complete(accountId, lessonId);
  }

  /** Takes a lesson's completion back; a completed course keeps its certificate. */
  public LessonCompletion uncomplete(UUID accountId, UUID lessonId) {
    return learning.uncomplete(accountId, lessonId);
  }

  /**
   * Saves where the player stopped, in whole seconds (0 to {@link #MAX_POSITION_SECONDS}; 422
   * otherwise); the lesson page resumes there.
   */
  public void savePosition(UUID accountId, UUID lessonId, Integer seconds) {
    learning.savePosition(accountId, lessonId, seconds);
  }

  /** "My learning": the learner's courses in progress and completed, with their progress. */
  public MyLearning myLearning(UUID accountId) {
    return learning.myLearning(accountId);
  }

  /**
   * Courses in progress, most recently active first, each with the lesson to continue with: for the
   * home page (at most 20).
   */
  public List<EnrolledCourse> continueLearning(UUID accountId, int limit) {
    return learning.continueLearning(accountId, limit);
  }

  /** A certificate by its public code; empty when no certificate has that code. */
  public Optional<Certificate> certificate(String code) {
    return learning.certificate(code);
  }
}
