package org.guildhall.learning.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.learning.Certificate;
import org.guildhall.learning.EnrolledCourse;
import org.guildhall.learning.LearningApi;
import org.guildhall.learning.LessonCompletion;
import org.guildhall.learning.MyLearning;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Enrolments, progress, resume positions and certificates over JSON. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Learning", description = "Enrolments, lesson progress, resume positions, certificates")
class LearningRestController {

  private final LearningApi learning;

  LearningRestController(LearningApi learning) {
    this.learning = learning;
  }

  record Course(
      UUID courseId,
      String slug,
      String title,
      String path,
      int lessons,
      int completedLessons,
      int percent,
      UUID nextLessonId,
      String continuePath,
      String enrolledAt,
      String lastActiveAt,
      String completedAt,
      String certificateCode) {

    static Course of(EnrolledCourse c) {
      return new Course(
          c.courseId(),
          c.slug(),
          c.title(),
          c.path(),
          c.lessons(),
          c.completedLessons(),
          c.percent(),
          c.nextLessonId(),
          c.continuePath(),
          text(c.enrolledAt()),
          text(c.lastActiveAt()),
          text(c.completedAt()),
          c.certificateCode());
    }
  }

  record Learning(List<Course> inProgress, List<Course> completed) {
    static Learning of(MyLearning m) {
      return new Learning(
          m.inProgress().stream().map(Course::of).toList(),
          m.completed().stream().map(Course::of).toList());
    }
  }

  record Enrolment(UUID courseId, boolean enrolled, boolean newlyEnrolled) {}

  record Completion(
      UUID courseId,
      UUID lessonId,
      boolean completed,
      int lessons,
      int completedLessons,
      int percent,
      @Schema(description = "true when this call completed the course and issued its certificate")
          boolean courseCompleted,
      String certificateCode) {

    static Completion of(LessonCompletion c) {
      return new Completion(
          c.courseId(),
          c.lessonId(),
          c.completed(),
          c.lessons(),
          c.completedLessons(),
          c.percent(),
          c.courseCompleted(),
          c.certificateCode());
    }
  }

  record PositionRequest(
      @Schema(description = "whole seconds from the start, 0 to 86400", example = "93")
          Integer seconds) {}

  record CertificateJson(
      String code,
      boolean valid,
      String memberName,
      String courseTitle,
      String completedAt,
      String coursePath,
      String verifyPath) {

    static CertificateJson of(Certificate c) {
      return new CertificateJson(
          c.code(),
          true,
          c.memberName(),
          c.courseTitle(),
          text(c.issuedAt()),
          c.coursePath(),
          c.path());
    }
  }

  @GetMapping("/learning")
  @Operation(
      summary = "The caller's courses with their progress",
      description =
          "In progress (most recently active first, with the lesson to continue with) and"
              + " completed (with the certificate code); at most 200 courses.")
  Learning mine(@AuthenticationPrincipal AuthenticatedAccount me) {
    return Learning.of(learning.myLearning(me.accountId()));
  }

  @PostMapping("/courses/{courseId}/enrol")
  @Operation(
      summary = "Enrol in a course",
      description =
          "Needs access to the whole course (a tier that includes it, a purchase, or a public"
              + " course); free preview lessons are not enough. Idempotent.")
  @ApiResponse(responseCode = "403", description = "no access to the course")
  Enrolment enrol(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID courseId) {
    boolean enrolled = learning.enrol(me.accountId(), courseId);
    return new Enrolment(courseId, true, enrolled);
  }

  @PostMapping("/lessons/{lessonId}/complete")
  @Operation(
      summary = "Mark a lesson complete",
      description =
          "Idempotent. Completing the last lesson completes the course and issues its certificate"
              + " (courseCompleted is true on that call only).")
  @ApiResponse(responseCode = "403", description = "the lesson is locked or not open yet (drip)")
  Completion complete(
      @AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID lessonId) {
    return Completion.of(learning.complete(me.accountId(), lessonId));
  }

  @DeleteMapping("/lessons/{lessonId}/complete")
  @Operation(
      summary = "Take a lesson's completion back",
      description = "A completed course stays completed and keeps its certificate.")
  Completion uncomplete(
      @AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID lessonId) {
    return Completion.of(learning.uncomplete(me.accountId(), lessonId));
  }

  @PutMapping("/lessons/{lessonId}/position")
  @Operation(summary = "Save where the player stopped in a lesson (its resume point)")
  @ApiResponse(responseCode = "204", description = "saved")
  @ApiResponse(responseCode = "422", description = "seconds missing, negative or above a day")
  ResponseEntity<Void> position(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable UUID lessonId,
      @RequestBody(required = false) PositionRequest body) {
    learning.savePosition(me.accountId(), lessonId, body == null ? null : body.seconds());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/certificates/{code}")
  @Operation(
      summary = "Verify a certificate (public)",
      description = "Anyone with the code may verify it; an unknown code answers 404.")
  @ApiResponse(responseCode = "404", description = "no certificate has this code")
  CertificateJson certificate(@PathVariable String code) {
    return learning
        .certificate(code)
        .map(CertificateJson::of)
        .orElseThrow(() -> DomainException.notFound("certificate-not-found"));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
