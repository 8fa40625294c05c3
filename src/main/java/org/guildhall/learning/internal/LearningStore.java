package org.guildhall.learning.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learning tables, one indexed statement per method. Writes that could race are conditional
 * updates or inserts that ignore a conflict, so the database decides what happens once.
 */
@Component
class LearningStore {

  private final JdbcClient jdbc;

  LearningStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An enrolment, with its certificate's code once the course is completed. */
  record EnrolmentRow(
      UUID courseId,
      Instant enrolledAt,
      Instant lastActiveAt,
      Instant completedAt,
      String certificateCode) {}

  /** A learner's state in one lesson. */
  record ProgressRow(
      UUID courseId, UUID lessonId, Instant completedAt, int positionSeconds, Instant updatedAt) {}

  // Enrolments

  /** Enrols unless already enrolled; true when this call enrolled. */
  boolean enrol(UUID accountId, UUID courseId, Instant at) {
    return jdbc.sql(
                "INSERT INTO learning_enrolment (account_id, course_id, enrolled_at, last_active_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(accountId, courseId, ts(at), ts(at))
            .update()
        == 1;
  }

  /** Notes activity in a course; false when the learner is not enrolled in it. */
  boolean touch(UUID accountId, UUID courseId, Instant at) {
    return jdbc.sql(
                "UPDATE learning_enrolment SET last_active_at = ?"
                    + " WHERE account_id = ? AND course_id = ?")
            .params(ts(at), accountId, courseId)
            .update()
        == 1;
  }

  /**
   * The enrolment, locked until the transaction ends: completions of one learner in one course run
   * one after the other, so the one that completes the last lesson sees every other.
   */
  Optional<EnrolmentRow> lockEnrolment(UUID accountId, UUID courseId) {
    return jdbc.sql(
            "SELECT course_id, enrolled_at, last_active_at, completed_at,"
                + " CAST(NULL AS VARCHAR(24)) AS code FROM learning_enrolment"
                + " WHERE account_id = ? AND course_id = ? FOR UPDATE")
        .params(accountId, courseId)
        .query(LearningStore::enrolment)
        .optional();
  }

  /** Marks the course completed; true only for the call that did it. */
  boolean completeCourse(UUID accountId, UUID courseId, Instant at) {
    return jdbc.sql(
                "UPDATE learning_enrolment SET completed_at = ?"
                    + " WHERE account_id = ? AND course_id = ? AND completed_at IS NULL")
            .params(ts(at), accountId, courseId)
            .update()
        == 1;
  }

  /** The enrolment in one course with its certificate's code (one statement). */
  Optional<EnrolmentRow> enrolment(UUID accountId, UUID courseId) {
    return jdbc.sql(
            "SELECT e.course_id, e.enrolled_at, e.last_active_at, e.completed_at, c.code"
                + " FROM learning_enrolment e LEFT JOIN learning_certificate c"
                + " ON c.account_id = e.account_id AND c.course_id = e.course_id"
                + " WHERE e.account_id = ? AND e.course_id = ?")
        .params(accountId, courseId)
        .query(LearningStore::enrolment)
        .optional();
  }

  /** A learner's enrolments, most recently active first (optionally only those in progress). */
  List<EnrolmentRow> enrolments(UUID accountId, boolean inProgressOnly, int limit) {
    return jdbc.sql(
            "SELECT e.course_id, e.enrolled_at, e.last_active_at, e.completed_at, c.code"
                + " FROM learning_enrolment e LEFT JOIN learning_certificate c"
                + " ON c.account_id = e.account_id AND c.course_id = e.course_id"
                + " WHERE e.account_id = ?"
                + (inProgressOnly ? " AND e.completed_at IS NULL" : "")
                + " ORDER BY e.last_active_at DESC, e.course_id LIMIT ?")
        .params(accountId, limit)
        .query(LearningStore::enrolment)
        .list();
  }

  private static EnrolmentRow enrolment(ResultSet rs, int n) throws SQLException {
    return new EnrolmentRow(
        uuid(rs, "course_id"),
        instant(rs, "enrolled_at"),
        instant(rs, "last_active_at"),
        instant(rs, "completed_at"),
        rs.getString("code"));
  }

  // Progress

  /** Marks a lesson complete; true when it was not complete before. */
  boolean completeLesson(UUID accountId, UUID lessonId, UUID courseId, Instant at) {
    if (markComplete(accountId, lessonId, at)) {
      return true;
    }
    boolean inserted =
        jdbc.sql(
                    "INSERT INTO learning_progress (account_id, lesson_id, course_id, completed_at,"
                        + " position_seconds, updated_at) VALUES (?, ?, ?, ?, 0, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(accountId, lessonId, courseId, ts(at), ts(at))
                .update()
            == 1;
    // a row that appeared meanwhile (a position saved) is marked now
    return inserted || markComplete(accountId, lessonId, at);
  }

  private boolean markComplete(UUID accountId, UUID lessonId, Instant at) {
    return jdbc.sql(
                "UPDATE learning_progress SET completed_at = ?, updated_at = ?"
                    + " WHERE account_id = ? AND lesson_id = ? AND completed_at IS NULL")
            .params(ts(at), ts(at), accountId, lessonId)
            .update()
        == 1;
  }

  /** Takes a lesson's completion back; true when it was complete. */
  boolean uncompleteLesson(UUID accountId, UUID lessonId, Instant at) {
    return jdbc.sql(
                "UPDATE learning_progress SET completed_at = NULL, updated_at = ?"
                    + " WHERE account_id = ? AND lesson_id = ? AND completed_at IS NOT NULL")
            .params(ts(at), accountId, lessonId)
            .update()
        == 1;
  }

  /** Where the player stopped in a lesson (one statement when the row exists). */
  void savePosition(UUID accountId, UUID lessonId, UUID courseId, int seconds, Instant at) {
    if (updatePosition(accountId, lessonId, seconds, at)) {
      return;
    }
    int inserted =
        jdbc.sql(
                "INSERT INTO learning_progress (account_id, lesson_id, course_id, completed_at,"
                    + " position_seconds, updated_at) VALUES (?, ?, ?, NULL, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(accountId, lessonId, courseId, seconds, ts(at))
            .update();
    if (inserted == 0) {
      updatePosition(accountId, lessonId, seconds, at);
    }
  }

  private boolean updatePosition(UUID accountId, UUID lessonId, int seconds, Instant at) {
    return jdbc.sql(
                "UPDATE learning_progress SET position_seconds = ?, updated_at = ?"
                    + " WHERE account_id = ? AND lesson_id = ?")
            .params(seconds, ts(at), accountId, lessonId)
            .update()
        == 1;
  }

  /** A learner's progress rows in one course. */
  List<ProgressRow> progress(UUID accountId, UUID courseId) {
    return jdbc.sql(
            "SELECT course_id, lesson_id, completed_at, position_seconds, updated_at"
                + " FROM learning_progress WHERE account_id = ? AND course_id = ?")
        .params(accountId, courseId)
        .query(LearningStore::progress)
        .list();
  }

  /** A learner's progress rows in several courses, in one statement. */
  List<ProgressRow> progress(UUID accountId, Collection<UUID> courseIds) {
    if (courseIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT course_id, lesson_id, completed_at, position_seconds, updated_at"
                + " FROM learning_progress WHERE account_id = :account AND course_id IN (:courses)")
        .param("account", accountId)
        .param("courses", courseIds)
        .query(LearningStore::progress)
        .list();
  }

  private static ProgressRow progress(ResultSet rs, int n) throws SQLException {
    return new ProgressRow(
        uuid(rs, "course_id"),
        uuid(rs, "lesson_id"),
        instant(rs, "completed_at"),
        rs.getInt("position_seconds"),
        instant(rs, "updated_at"));
  }

  // Certificates

  record CertificateRow(
      String code,
      UUID accountId,
      UUID courseId,
      String memberName,
      String courseTitle,
      Instant issuedAt) {}

  /**
   * Issues a certificate unless the learner has one for the course (or, vanishingly rarely, the
   * code is taken); true when this call issued it.
   */
  boolean issue(CertificateRow c) {
    return jdbc.sql(
                "INSERT INTO learning_certificate (code, account_id, course_id, member_name,"
                    + " course_title, issued_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(
                c.code(),
                c.accountId(),
                c.courseId(),
                c.memberName(),
                c.courseTitle(),
                ts(c.issuedAt()))
            .update()
        == 1;
  }

  Optional<String> certificateCode(UUID accountId, UUID courseId) {
    return jdbc.sql("SELECT code FROM learning_certificate WHERE account_id = ? AND course_id = ?")
        .params(accountId, courseId)
        .query(String.class)
        .optional();
  }

  Optional<CertificateRow> certificate(String code) {
    return jdbc.sql(
            "SELECT code, account_id, course_id, member_name, course_title, issued_at"
                + " FROM learning_certificate WHERE code = ?")
        .param(code)
        .query(
            (rs, n) ->
                new CertificateRow(
                    rs.getString("code"),
                    uuid(rs, "account_id"),
                    uuid(rs, "course_id"),
                    rs.getString("member_name"),
                    rs.getString("course_title"),
                    instant(rs, "issued_at")))
        .optional();
  }
}
