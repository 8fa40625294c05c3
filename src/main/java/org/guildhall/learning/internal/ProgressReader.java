package org.guildhall.learning.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guildhall.content.LearnerProgress;
import org.guildhall.learning.internal.LearningStore.EnrolmentRow;
import org.guildhall.learning.internal.LearningStore.ProgressRow;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells content pages about one learner in one course, in two statements: the enrolment with its
 * certificate, and the progress rows (kept for free previews read before enrolling, too).
 */
@Component
class ProgressReader implements LearnerProgress {

  private final LearningStore store;

  ProgressReader(LearningStore store) {
    this.store = store;
  }

  @Override
  @Transactional(readOnly = true)
  public CourseProgress of(UUID accountId, UUID courseId) {
    if (accountId == null) {
      return CourseProgress.NONE;
    }
    var enrolment = store.enrolment(accountId, courseId);
    Set<UUID> completed = new HashSet<>();
    Map<UUID, Integer> positions = new HashMap<>();
    for (ProgressRow row : store.progress(accountId, courseId)) {
      if (row.completedAt() != null) {
        completed.add(row.lessonId());
      }
      if (row.positionSeconds() > 0) {
        positions.put(row.lessonId(), row.positionSeconds());
      }
    }
    return new CourseProgress(
        enrolment.map(EnrolmentRow::enrolledAt).orElse(null),
        completed,
        positions,
        enrolment.map(EnrolmentRow::certificateCode).orElse(null));
  }
}
