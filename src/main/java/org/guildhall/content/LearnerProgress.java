package org.guildhall.content;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the learning module tells content pages about one learner in one course: when they enrolled
 * (drip lessons open from then), which lessons they completed and where they stopped in each. The
 * learning module implements it; content reads it in one call per page.
 */
public interface LearnerProgress {

  CourseProgress of(UUID accountId, UUID courseId);

  /**
   * @param enrolledAt null when not enrolled
   * @param completed lessons marked complete
   * @param positions resume positions in seconds, by lesson
   */
  record CourseProgress(
      Instant enrolledAt,
      Set<UUID> completed,
      Map<UUID, Integer> positions,
      String certificateCode) {

    public static final CourseProgress NONE = new CourseProgress(null, Set.of(), Map.of(), null);

    public CourseProgress {
      completed = Set.copyOf(completed);
      positions = Map.copyOf(positions);
    }

    public boolean enrolled() {
      return enrolledAt != null;
    }
  }
}
