package org.guildhall.learning.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentKind;
import org.guildhall.content.CourseInfo;
import org.guildhall.content.ItemCard;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.learning.Certificate;
import org.guildhall.learning.EnrolledCourse;
import org.guildhall.learning.LearningEvents;
import org.guildhall.learning.LessonCompletion;
import org.guildhall.learning.MyLearning;
import org.guildhall.learning.internal.LearningStore.CertificateRow;
import org.guildhall.learning.internal.LearningStore.EnrolmentRow;
import org.guildhall.learning.internal.LearningStore.ProgressRow;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolments, lesson completion, resume positions and certificates.
 *
 * <p>Rules: enrolling needs access to the whole course (free previews are not enough); progress is
 * recorded only for a lesson the learner may open now ({@link ContentApi#mayOpen}: access and
 * drip), and recording it enrols a learner who has access. Completing the last lesson completes the
 * course and issues its certificate, once: completions of one learner in one course run one after
 * the other (the enrolment row is locked), the course is marked completed by a conditional update,
 * and a certificate is unique per learner and course.
 */
@Service
public class LearningService {

  /** Positions above a day are not a real player's. */
  public static final int MAX_POSITION_SECONDS = 24 * 3600;

  private static final int MAX_CONTINUE = 20;

  private final LearningStore store;
  private final ContentApi content;
  private final IdentityApi identity;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LearningService(
      LearningStore store,
      ContentApi content,
      IdentityApi identity,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.content = content;
    this.identity = identity;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Enrols the learner if they may read the course; true when this call enrolled them, false when
   * they already were. 404 for no such course, 403 without access to it.
   */
  @Transactional
  public boolean enrol(UUID accountId, UUID courseId) {
    Reader reader = content.reader(accountId);
    ItemCard course =
        content.cards(List.of(courseId), reader).stream()
            .filter(c -> c.kind() == ContentKind.COURSE)
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("course-not-found"));
    if (course.locked()) {
      throw DomainException.forbidden("enrol-no-access");
    }
    return enrolNow(accountId, courseId, clock.instant());
  }

  /** Enrols a buyer (payment is access enough); idempotent, as every delivery may repeat. */
  @Transactional
  public void enrolBuyer(UUID accountId, UUID courseId, Instant paidAt) {
    enrolNow(accountId, courseId, paidAt == null ? clock.instant() : paidAt);
  }

  private boolean enrolNow(UUID accountId, UUID courseId, Instant at) {
    boolean enrolled = store.enrol(accountId, courseId, at);
    if (enrolled) {
      events.publishEvent(new LearningEvents.Enrolled(accountId, courseId, at));
    }
    return enrolled;
  }

  /** Marks a lesson complete; completing the last one completes the course (see class notes). */
  @Transactional
  public LessonCompletion complete(UUID accountId, UUID lessonId) {
    Opened opened = open(accountId, lessonId);
    Instant now = clock.instant();
    Optional<EnrolmentRow> enrolment = lockOrEnrol(accountId, opened, now);
    if (store.completeLesson(accountId, lessonId, opened.course().id(), now)) {
      events.publishEvent(
          new LearningEvents.LessonCompleted(accountId, opened.course().id(), lessonId, now));
    }
    Set<UUID> done = completed(accountId, opened.course());
    boolean courseCompleted = false;
    String code = null;
    if (enrolment.isPresent()) {
      List<UUID> lessons = opened.course().lessonIds();
      if (enrolment.get().completedAt() != null) {
        code = store.certificateCode(accountId, opened.course().id()).orElse(null);
      } else if (!lessons.isEmpty()
          && done.containsAll(lessons)
          && store.completeCourse(accountId, opened.course().id(), now)) {
        code = issueCertificate(accountId, opened.course(), now);
        courseCompleted = true;
        events.publishEvent(
            new LearningEvents.CourseCompleted(accountId, opened.course().id(), code, now));
      }
    }
    return completion(opened, true, done, courseCompleted, code);
  }

  /**
   * Takes a lesson's completion back. A completed course stays completed and keeps its certificate.
   */
  @Transactional
  public LessonCompletion uncomplete(UUID accountId, UUID lessonId) {
    Opened opened = open(accountId, lessonId);
    Instant now = clock.instant();
    Optional<EnrolmentRow> enrolment = store.enrolment(accountId, opened.course().id());
    if (enrolment.isPresent()) {
      store.touch(accountId, opened.course().id(), now); // enrolment before lesson, as everywhere
    }
    store.uncompleteLesson(accountId, lessonId, now);
    return completion(
        opened,
        false,
        completed(accountId, opened.course()),
        false,
        enrolment.map(EnrolmentRow::certificateCode).orElse(null));
  }

  /** Where the player stopped in a lesson, in whole seconds (0 to a day). */
  @Transactional
  public void savePosition(UUID accountId, UUID lessonId, Integer seconds) {
    if (seconds == null || seconds < 0 || seconds > MAX_POSITION_SECONDS) {
      throw DomainException.invalidField("seconds", "learning.error.seconds");
    }
    UUID courseId =
        content
            .courseOfLesson(lessonId)
            .orElseThrow(() -> DomainException.notFound("lesson-not-found"));
    Reader reader = content.reader(accountId);
    if (!content.mayOpen(courseId, lessonId, reader)) {
      throw DomainException.forbidden("lesson-locked");
    }
    Instant now = clock.instant();
    // The enrolment row first, then the lesson's: the order complete() and uncomplete() take their
    // locks in, so a position saved while a lesson is completed never deadlocks with it.
    if (!store.touch(accountId, courseId, now) && readable(courseId, reader)) {
      enrolNow(accountId, courseId, now);
    }
    store.savePosition(accountId, lessonId, courseId, seconds, now);
  }

  /** The learner's courses, in progress and completed (at most {@link MyLearning#LIMIT}). */
  @Transactional(readOnly = true)
  public MyLearning myLearning(UUID accountId) {
    List<EnrolledCourse> all =
        courses(accountId, store.enrolments(accountId, false, MyLearning.LIMIT));
    List<EnrolledCourse> completed =
        all.stream()
            .filter(EnrolledCourse::completed)
            .sorted(Comparator.comparing(EnrolledCourse::completedAt).reversed())
            .toList();
    return new MyLearning(all.stream().filter(c -> !c.completed()).toList(), completed);
  }

  /** Courses in progress, most recently active first, for the home page. */
  @Transactional(readOnly = true)
  public List<EnrolledCourse> continueLearning(UUID accountId, int limit) {
    int n = Math.max(1, Math.min(limit, MAX_CONTINUE));
    return courses(accountId, store.enrolments(accountId, true, n));
  }

  /** A certificate by its code, as typed (any case, dashes, O for 0); empty when there is none. */
  @Transactional(readOnly = true)
  public Optional<Certificate> certificate(String code) {
    return CertificateCodes.normalise(code)
        .flatMap(store::certificate)
        .map(
            c ->
                new Certificate(
                    c.code(),
                    c.accountId(),
                    c.courseId(),
                    c.memberName(),
                    c.courseTitle(),
                    c.issuedAt(),
                    content.cards(List.of(c.courseId()), Reader.VISITOR).stream()
                        .findFirst()
                        .map(ItemCard::path)
                        .orElse(null)));
  }

  // ---------------------------------------------------------------------------------------------

  /** A lesson the learner may open now, and its course. */
  private record Opened(CourseInfo course, UUID lessonId, Reader reader) {}

  private Opened open(UUID accountId, UUID lessonId) {
    UUID courseId =
        content
            .courseOfLesson(lessonId)
            .orElseThrow(() -> DomainException.notFound("lesson-not-found"));
    Reader reader = content.reader(accountId);
    if (!content.mayOpen(courseId, lessonId, reader)) {
      throw DomainException.forbidden("lesson-locked");
    }
    CourseInfo course =
        content.course(courseId).orElseThrow(() -> DomainException.notFound("course-not-found"));
    return new Opened(course, lessonId, reader);
  }

  /**
   * The learner's enrolment, locked; a learner with access to the course who is not enrolled yet is
   * enrolled now. Empty for someone reading a free preview without access to the course.
   */
  private Optional<EnrolmentRow> lockOrEnrol(UUID accountId, Opened opened, Instant now) {
    UUID courseId = opened.course().id();
    Optional<EnrolmentRow> enrolment = store.lockEnrolment(accountId, courseId);
    if (enrolment.isEmpty() && readable(courseId, opened.reader())) {
      enrolNow(accountId, courseId, now);
      enrolment = store.lockEnrolment(accountId, courseId);
    }
    if (enrolment.isPresent()) {
      store.touch(accountId, courseId, now);
    }
    return enrolment;
  }

  /** Whether the reader may read the whole course (not just its previews). */
  private boolean readable(UUID courseId, Reader reader) {
    return content.cards(List.of(courseId), reader).stream().anyMatch(c -> !c.locked());
  }

  private Set<UUID> completed(UUID accountId, CourseInfo course) {
    Set<UUID> lessons = new HashSet<>(course.lessonIds());
    Set<UUID> done = new HashSet<>();
    for (ProgressRow row : store.progress(accountId, course.id())) {
      if (row.completedAt() != null && lessons.contains(row.lessonId())) {
        done.add(row.lessonId());
      }
    }
    return done;
  }

  private LessonCompletion completion(
      Opened opened, boolean completed, Set<UUID> done, boolean courseCompleted, String code) {
    return new LessonCompletion(
        opened.course().id(),
        opened.course().slug(),
        opened.lessonId(),
        completed,
        opened.course().lessonIds().size(),
        done.size(),
        courseCompleted,
        code);
  }

  /** Issues the certificate (a fresh code in the unlikely event one is taken); returns its code. */
  private String issueCertificate(UUID accountId, CourseInfo course, Instant now) {
    String name =
        identity
            .find(new AccountId(accountId))
            .map(AccountSummary::displayName)
            .filter(n -> !n.isBlank())
            .orElse("—");
    for (int attempt = 0; attempt < 5; attempt++) {
      CertificateRow row =
          new CertificateRow(
              CertificateCodes.next(), accountId, course.id(), name, course.title(), now);
      if (store.issue(row)) {
        return row.code();
      }
      Optional<String> existing = store.certificateCode(accountId, course.id());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    throw new IllegalStateException("Could not issue a certificate code");
  }

  /** Enrolments with their courses and progress, in four statements whatever their number. */
  private List<EnrolledCourse> courses(UUID accountId, List<EnrolmentRow> enrolments) {
    if (enrolments.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = enrolments.stream().map(EnrolmentRow::courseId).toList();
    Map<UUID, CourseInfo> courses = new HashMap<>();
    content.courses(ids).forEach(c -> courses.put(c.id(), c));
    Map<UUID, List<ProgressRow>> progress = new HashMap<>();
    for (ProgressRow row : store.progress(accountId, ids)) {
      progress.computeIfAbsent(row.courseId(), k -> new ArrayList<>()).add(row);
    }
    List<EnrolledCourse> result = new ArrayList<>();
    for (EnrolmentRow e : enrolments) {
      CourseInfo course = courses.get(e.courseId());
      if (course == null) {
        continue;
      }
      List<ProgressRow> rows = progress.getOrDefault(e.courseId(), List.of());
      Set<UUID> lessons = new HashSet<>(course.lessonIds());
      Set<UUID> done = new HashSet<>();
      ProgressRow playing = null;
      for (ProgressRow row : rows) {
        if (!lessons.contains(row.lessonId())) {
          continue;
        }
        if (row.completedAt() != null) {
          done.add(row.lessonId());
        } else if (row.positionSeconds() > 0
            && (playing == null || row.updatedAt().isAfter(playing.updatedAt()))) {
          playing = row;
        }
      }
      UUID next =
          playing != null
              ? playing.lessonId()
              : course.lessonIds().stream().filter(l -> !done.contains(l)).findFirst().orElse(null);
      result.add(
          new EnrolledCourse(
              course.id(),
              course.slug(),
              course.title(),
              course.lessonIds().size(),
              done.size(),
              next,
              e.enrolledAt(),
              e.lastActiveAt(),
              e.completedAt(),
              e.certificateCode()));
    }
    return result;
  }
}
