package org.guildhall.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentApi;
import org.guildhall.content.LearnerProgress;
import org.guildhall.content.LearnerProgress.CourseProgress;
import org.guildhall.identity.IdentityApi;
import org.guildhall.learning.Courses.Course;
import org.guildhall.membership.MembershipApi;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Enrolment, completion, positions and certificates through {@link LearningApi}, with courses made
 * through the content module and access decided by the membership policy.
 */
@WebIntegrationTest
class LearningIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired LearningApi learning;
  @Autowired LearnerProgress progress;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired CommerceApi commerce;
  @Autowired CapturedEvents events;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  UUID owner;

  @BeforeEach
  void owner() {
    owner = Courses.owner(identity);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  UUID member() {
    return People.provision(identity, "lrn").id();
  }

  UUID premiumMember() {
    UUID id = member();
    membership.startTrial(id, "premium");
    return id;
  }

  Course premiumCourse(List<org.guildhall.content.LessonDraft> lessons) {
    return Courses.publish(content, owner, ContentAccess.MEMBERS, Courses.PREMIUM, null, lessons);
  }

  int progressRows(UUID account) {
    return jdbc.sql("SELECT COUNT(*) FROM learning_progress WHERE account_id = ?")
        .param(account)
        .query(Integer.class)
        .single();
  }

  int certificates(UUID account, UUID course) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM learning_certificate WHERE account_id = ? AND course_id = ?")
        .params(account, course)
        .query(Integer.class)
        .single();
  }

  static HttpStatus status(Throwable e) {
    return ((DomainException) e).status();
  }

  @Test
  void enrollingNeedsAccessToTheCourse() {
    Course course = premiumCourse(Courses.lessons(2));
    UUID free = member();
    assertThatThrownBy(() -> learning.enrol(free, course.id()))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    assertThat(progress.of(free, course.id()).enrolled()).isFalse();

    UUID premium = premiumMember();
    assertThat(learning.enrol(premium, course.id())).isTrue();
    assertThat(learning.enrol(premium, course.id())).as("idempotent").isFalse();
    assertThat(progress.of(premium, course.id()).enrolled()).isTrue();
    assertThat(
            events.all(LearningEvents.Enrolled.class).stream()
                .filter(e -> e.accountId().equals(premium) && e.courseId().equals(course.id())))
        .hasSize(1);
    assertThat(learning.myLearning(premium).inProgress())
        .extracting(EnrolledCourse::courseId)
        .containsExactly(course.id());

    assertThatThrownBy(() -> learning.enrol(premium, UUID.randomUUID()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void aFreePreviewIsRecordedButEnrolsNoOne() {
    Course course =
        premiumCourse(List.of(Courses.preview("Taster"), Courses.lesson("Members only")));
    UUID free = member();
    LessonCompletion taster = learning.complete(free, course.lesson(0));
    assertThat(taster.completed()).isTrue();
    assertThat(taster.courseCompleted()).isFalse();
    CourseProgress state = progress.of(free, course.id());
    assertThat(state.enrolled()).isFalse();
    assertThat(state.completed()).containsExactly(course.lesson(0));
    assertThatThrownBy(() -> learning.enrol(free, course.id()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
  }

  @Test
  void aLockedLessonRefusesCompletionAndPositionAndStoresNothing() {
    Course course = premiumCourse(Courses.lessons(2));
    UUID free = member();
    assertThatThrownBy(() -> learning.complete(free, course.lesson(0)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    assertThatThrownBy(() -> learning.savePosition(free, course.lesson(1), 30))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    assertThatThrownBy(() -> learning.uncomplete(free, course.lesson(1)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    assertThat(progressRows(free)).isZero();
    assertThat(progress.of(free, course.id())).isEqualTo(CourseProgress.NONE);
    assertThatThrownBy(() -> learning.complete(free, UUID.randomUUID()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.NOT_FOUND));
  }

  @Test
  void aDripLessonOpensDaysAfterEnrolment() {
    Course course =
        Courses.publish(
            content,
            owner,
            ContentAccess.PUBLIC,
            0,
            null,
            List.of(Courses.lesson("Day one"), Courses.drip("Week two", 7)));
    UUID learner = member();
    assertThat(learning.complete(learner, course.lesson(0)).completedLessons()).isEqualTo(1);
    assertThat(progress.of(learner, course.id()).enrolled()).as("enrolled implicitly").isTrue();

    assertThatThrownBy(() -> learning.complete(learner, course.lesson(1)))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    assertThatThrownBy(() -> learning.savePosition(learner, course.lesson(1), 12))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    assertThat(progress.of(learner, course.id()).completed()).containsExactly(course.lesson(0));

    clock.advance(Duration.ofDays(7).plusMinutes(1));
    LessonCompletion done = learning.complete(learner, course.lesson(1));
    assertThat(done.courseCompleted()).isTrue();
  }

  @Test
  void completingLessonsRaisesThePercentAndTheLastIssuesOneCertificate() {
    Course course = Courses.open(content, owner, 3);
    UUID learner = member();

    LessonCompletion first = learning.complete(learner, course.lesson(0));
    assertThat(first.percent()).isEqualTo(33);
    assertThat(learning.complete(learner, course.lesson(0)).percent())
        .as("idempotent")
        .isEqualTo(33);
    assertThat(learning.uncomplete(learner, course.lesson(0)).percent()).isZero();
    assertThat(learning.complete(learner, course.lesson(0)).percent()).isEqualTo(33);
    assertThat(learning.complete(learner, course.lesson(1)).percent()).isEqualTo(66);
    assertThat(learning.myLearning(learner).inProgress().get(0).percent()).isEqualTo(66);

    LessonCompletion last = learning.complete(learner, course.lesson(2));
    assertThat(last.percent()).isEqualTo(100);
    assertThat(last.courseCompleted()).isTrue();
    assertThat(last.certificateCode()).matches("GH-[0-9A-HJKMNP-TV-Z]{12}");

    LessonCompletion again = learning.complete(learner, course.lesson(2));
    assertThat(again.courseCompleted()).isFalse();
    assertThat(again.certificateCode()).isEqualTo(last.certificateCode());
    // taking a lesson back keeps the certificate
    assertThat(learning.uncomplete(learner, course.lesson(1)).certificateCode())
        .isEqualTo(last.certificateCode());
    assertThat(learning.complete(learner, course.lesson(1)).courseCompleted()).isFalse();
    assertThat(certificates(learner, course.id())).isEqualTo(1);
    assertThat(
            events.all(LearningEvents.CourseCompleted.class).stream()
                .filter(e -> e.accountId().equals(learner)))
        .singleElement()
        .satisfies(e -> assertThat(e.certificateCode()).isEqualTo(last.certificateCode()));

    Certificate certificate = learning.certificate(last.certificateCode()).orElseThrow();
    assertThat(certificate.memberName()).startsWith("Test lrn");
    assertThat(certificate.courseTitle()).isEqualTo(course.title());
    assertThat(certificate.coursePath()).isEqualTo("/courses/" + course.slug());
    assertThat(learning.certificate(last.certificateCode().toLowerCase(Locale.ROOT)))
        .as("typed in lower case")
        .contains(certificate);
    assertThat(learning.certificate("GH-000000000000")).isEmpty();

    MyLearning mine = learning.myLearning(learner);
    assertThat(mine.inProgress()).isEmpty();
    assertThat(mine.completed())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.percent()).isEqualTo(100);
              assertThat(c.certificateCode()).isEqualTo(last.certificateCode());
              assertThat(c.nextLessonId()).isNull();
            });
    assertThat(progress.of(learner, course.id()).certificateCode())
        .isEqualTo(last.certificateCode());
  }

  @Test
  void eightConcurrentCompletionsOfTheLastLessonIssueOneCertificate() throws Exception {
    Course course = Courses.open(content, owner, 3);
    UUID learner = member();
    learning.complete(learner, course.lesson(0));
    learning.complete(learner, course.lesson(1));
    List<LessonCompletion> results =
        concurrently(8, i -> learning.complete(learner, course.last()));
    assertThat(results).filteredOn(LessonCompletion::courseCompleted).hasSize(1);
    assertThat(results)
        .extracting(LessonCompletion::certificateCode)
        .containsOnly(results.get(0).certificateCode());
    assertThat(certificates(learner, course.id())).isEqualTo(1);
    assertThat(
            events.all(LearningEvents.CourseCompleted.class).stream()
                .filter(e -> e.accountId().equals(learner)))
        .hasSize(1);
  }

  @Test
  void theLastTwoLessonsCompletedAtOnceStillCompleteTheCourseOnce() throws Exception {
    Course course = Courses.open(content, owner, 4);
    UUID learner = member();
    learning.complete(learner, course.lesson(0));
    learning.complete(learner, course.lesson(1));
    List<LessonCompletion> results =
        concurrently(8, i -> learning.complete(learner, course.lesson(2 + i % 2)));
    assertThat(results).filteredOn(LessonCompletion::courseCompleted).hasSize(1);
    assertThat(certificates(learner, course.id())).isEqualTo(1);
    assertThat(learning.myLearning(learner).completed()).hasSize(1);
  }

  @Test
  void positionsSavedWhileLessonsAreCompletedAndTakenBackNeverFail() throws Exception {
    // The player reports a position (every 15 s, and when the page is left) while the learner
    // clicks "Mark complete": both touch the enrolment and the lesson's row, in the same order.
    Course course = Courses.open(content, owner, 3);
    UUID learner = member();
    learning.enrol(learner, course.id());
    for (int round = 0; round < 30; round++) {
      UUID lesson = course.lesson(round % 2);
      concurrently(
          6,
          i ->
              switch (i % 3) {
                case 0 -> learning.complete(learner, lesson);
                case 1 -> learning.uncomplete(learner, lesson);
                default -> {
                  learning.savePosition(learner, lesson, 10 + i);
                  yield null;
                }
              });
    }
    learning.savePosition(learner, course.lesson(0), 42);
    assertThat(
            jdbc.sql(
                    "SELECT position_seconds FROM learning_progress"
                        + " WHERE account_id = ? AND lesson_id = ?")
                .params(learner, course.lesson(0))
                .query(Integer.class)
                .single())
        .isEqualTo(42);
  }

  interface Step {
    LessonCompletion run(int i) throws Exception;
  }

  List<LessonCompletion> concurrently(int n, Step step) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<LessonCompletion>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                return step.run(index);
              }));
    }
    start.countDown();
    List<LessonCompletion> results = new ArrayList<>();
    for (Future<LessonCompletion> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    return results;
  }

  @Test
  void aSavedPositionIsTheResumePoint() {
    Course course = Courses.open(content, owner, 2);
    UUID learner = member();
    learning.savePosition(learner, course.lesson(1), 93);
    assertThat(progress.of(learner, course.id()).positions()).containsEntry(course.lesson(1), 93);
    assertThat(progress.of(learner, course.id()).enrolled()).isTrue();
    learning.savePosition(learner, course.lesson(1), 120);
    assertThat(progress.of(learner, course.id()).positions()).containsEntry(course.lesson(1), 120);
    // "Continue" goes to the lesson being played
    assertThat(learning.continueLearning(learner, 5))
        .singleElement()
        .satisfies(c -> assertThat(c.nextLessonId()).isEqualTo(course.lesson(1)));

    for (Integer absurd : new Integer[] {-1, LearningApi.MAX_POSITION_SECONDS + 1, null}) {
      assertThatThrownBy(() -> learning.savePosition(learner, course.lesson(1), absurd))
          .satisfies(
              e -> {
                assertThat(status(e)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                assertThat(((DomainException) e).fieldErrors()).containsKey("seconds");
              });
    }
    assertThat(progress.of(learner, course.id()).positions()).containsEntry(course.lesson(1), 120);
  }

  @Test
  void continueLearningListsCoursesInProgressMostRecentFirst() {
    Course a = Courses.open(content, owner, 2);
    Course b = Courses.open(content, owner, 2);
    Course done = Courses.open(content, owner, 1);
    UUID learner = member();
    learning.complete(learner, a.lesson(0));
    clock.advance(Duration.ofMinutes(1));
    learning.enrol(learner, b.id());
    clock.advance(Duration.ofMinutes(1));
    learning.complete(learner, done.lesson(0));
    assertThat(learning.continueLearning(learner, 10))
        .extracting(EnrolledCourse::courseId)
        .containsExactly(b.id(), a.id());
    assertThat(learning.continueLearning(learner, 10).get(1).nextLessonId()).isEqualTo(a.lesson(1));
    assertThat(learning.continueLearning(learner, 10).get(0).continuePath())
        .isEqualTo("/courses/" + b.slug() + "/lessons/" + b.lesson(0));
    assertThat(learning.continueLearning(learner, 1)).hasSize(1);
  }

  @Test
  void buyingACourseEnrolsTheBuyerOnce() {
    Course course =
        Courses.publish(
            content, owner, ContentAccess.PURCHASE, 0, Money.of(9900, "CNY"), Courses.lessons(2));
    UUID buyer = member();
    assertThatThrownBy(() -> learning.enrol(buyer, course.id()))
        .satisfies(e -> assertThat(status(e)).isEqualTo(HttpStatus.FORBIDDEN));
    CheckoutStart start =
        commerce.checkout(
            new CheckoutRequest(
                buyer,
                null,
                new ItemRef("course", course.id().toString()),
                null,
                null,
                null,
                "k-" + UUID.randomUUID(),
                Locale.ENGLISH,
                "http://localhost:" + port));
    new CommercePaymentsForTests(context, port).payAndDeliver(start.orderId());
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> progress.of(buyer, course.id()).enrolled());
    assertThat(learning.complete(buyer, course.lesson(0)).percent()).isEqualTo(50);
    assertThat(learning.enrol(buyer, course.id())).isFalse();
    assertThat(
            events.all(LearningEvents.Enrolled.class).stream()
                .filter(e -> e.accountId().equals(buyer)))
        .hasSize(1);
  }
}
