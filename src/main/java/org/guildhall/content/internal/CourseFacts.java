package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.uuid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.CourseInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Courses as the learning module needs them: title, slug and lessons in order. */
@Component
public class CourseFacts {

  private final JdbcClient jdbc;

  CourseFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Optional<CourseInfo> course(UUID courseId) {
    return jdbc.sql(
            "SELECT id, slug, title, author_id FROM content_item WHERE id = ? AND kind = 'COURSE'")
        .param(courseId)
        .query(
            (rs, n) ->
                new CourseInfo(
                    uuid(rs, "id"),
                    rs.getString("slug"),
                    rs.getString("title"),
                    uuid(rs, "author_id"),
                    lessons(courseId)))
        .optional();
  }

  private List<UUID> lessons(UUID courseId) {
    return jdbc.sql(
            "SELECT l.id FROM content_lesson l JOIN content_section s ON s.id = l.section_id"
                + " WHERE l.course_id = ? ORDER BY s.position, s.id, l.position, l.id")
        .param(courseId)
        .query(UUID.class)
        .list();
  }

  /** Several courses in two statements: the items, then all their lessons in order. */
  @Transactional(readOnly = true)
  public List<CourseInfo> courses(Collection<UUID> courseIds) {
    if (courseIds.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<UUID>> lessons = new HashMap<>();
    jdbc.sql(
            "SELECT l.course_id, l.id FROM content_lesson l"
                + " JOIN content_section s ON s.id = l.section_id WHERE l.course_id IN (:ids)"
                + " ORDER BY s.position, s.id, l.position, l.id")
        .param("ids", courseIds)
        .query(
            rs -> {
              lessons
                  .computeIfAbsent(uuid(rs, "course_id"), k -> new ArrayList<>())
                  .add(uuid(rs, "id"));
            });
    return jdbc.sql(
            "SELECT id, slug, title, author_id FROM content_item"
                + " WHERE id IN (:ids) AND kind = 'COURSE'")
        .param("ids", courseIds)
        .query(
            (rs, n) -> {
              UUID id = uuid(rs, "id");
              return new CourseInfo(
                  id,
                  rs.getString("slug"),
                  rs.getString("title"),
                  uuid(rs, "author_id"),
                  lessons.getOrDefault(id, List.of()));
            })
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<UUID> courseOfLesson(UUID lessonId) {
    return jdbc.sql("SELECT course_id FROM content_lesson WHERE id = ?")
        .param(lessonId)
        .query(UUID.class)
        .optional();
  }
}
