package org.guildhall.content;

import java.util.List;
import java.util.UUID;

/** A course's identity and its lessons in order, for the learning module. */
public record CourseInfo(UUID id, String slug, String title, UUID authorId, List<UUID> lessonIds) {

  public CourseInfo {
    lessonIds = List.copyOf(lessonIds);
  }

  public String path() {
    return "/courses/" + slug;
  }
}
