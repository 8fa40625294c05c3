package org.guildhall.learning;

import java.util.List;

/**
 * A learner's courses: those in progress (most recently active first) and those completed (most
 * recently completed first).
 */
public record MyLearning(List<EnrolledCourse> inProgress, List<EnrolledCourse> completed) {

  /** At most this many courses are listed (the most recently active). */
  public static final int LIMIT = 200;

  public MyLearning {
    inProgress = List.copyOf(inProgress);
    completed = List.copyOf(completed);
  }

  public boolean isEmpty() {
    return inProgress.isEmpty() && completed.isEmpty();
  }
}
