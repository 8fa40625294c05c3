package org.guildhall.learning;

/** How completion is counted: whole percent of the course's lessons, rounded down. */
final class Progress {

  private Progress() {}

  static int percent(int completed, int lessons) {
    return lessons <= 0 ? 0 : (int) (100L * Math.min(completed, lessons) / lessons);
  }
}
