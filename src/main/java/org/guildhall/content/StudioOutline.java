package org.guildhall.content;

import java.util.List;
import java.util.UUID;

/** A course's sections and lessons in order, as the course builder shows them. */
public record StudioOutline(UUID courseId, List<Section> sections) {

  public StudioOutline {
    sections = List.copyOf(sections);
  }

  public int lessonCount() {
    return sections.stream().mapToInt(s -> s.lessons().size()).sum();
  }

  public record Section(UUID id, String title, List<Lesson> lessons) {
    public Section {
      lessons = List.copyOf(lessons);
    }
  }

  /**
   * @param number the lesson's number in the course, from 1
   * @param dripDays days after enrolment before it opens (0: at once)
   */
  public record Lesson(
      UUID id,
      int number,
      String title,
      LessonKind kind,
      Integer durationSeconds,
      boolean preview,
      int dripDays) {}
}
