package org.guildhall.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A course's sections and lessons, decided for one learner: which lessons they may open now, which
 * open later (drip), which they completed.
 */
public record CourseOutline(List<SectionLine> sections, int lessonCount, int completedCount) {

  public CourseOutline {
    sections = List.copyOf(sections);
  }

  /** Whole percent of lessons completed. */
  public int percent() {
    return lessonCount == 0 ? 0 : (int) (100L * completedCount / lessonCount);
  }

  public record SectionLine(UUID id, String title, List<LessonLine> lessons) {
    public SectionLine {
      lessons = List.copyOf(lessons);
    }
  }

  /**
   * @param number the lesson's number in the course, from 1
   * @param state what the learner can do with it now
   * @param opensAt for {@code DRIP}: when it opens for this learner
   */
  public record LessonLine(
      UUID id,
      int number,
      String title,
      LessonKind kind,
      Integer durationSeconds,
      boolean preview,
      int dripDays,
      State state,
      Instant opensAt,
      boolean completed) {

    public enum State {
      OPEN,
      LOCKED,
      DRIP
    }
  }

  /** The first lesson the learner may open and has not completed, if any. */
  public java.util.Optional<LessonLine> next() {
    return sections.stream()
        .flatMap(s -> s.lessons().stream())
        .filter(l -> l.state() == LessonLine.State.OPEN && !l.completed())
        .findFirst();
  }
}
