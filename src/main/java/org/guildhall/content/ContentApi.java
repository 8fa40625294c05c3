package org.guildhall.content;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.internal.ContentEditor;
import org.guildhall.content.internal.ContentReader;
import org.guildhall.content.internal.CourseFacts;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.Reader;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.stereotype.Service;

/**
 * The content module's facade: pages and lists decided for one reader through the access policy,
 * and authoring. Other modules (learning, search, the home page) read content only here.
 */
@Service
public class ContentApi {

  private final ContentReader reader;
  private final ContentEditor editor;
  private final CourseFacts courses;
  private final MembershipApi membership;

  ContentApi(
      ContentReader reader, ContentEditor editor, CourseFacts courses, MembershipApi membership) {
    this.reader = reader;
    this.editor = editor;
    this.courses = courses;
    this.membership = membership;
  }

  /** What the access policy knows about a person (null: a visitor); read once per request. */
  public Reader reader(UUID viewerId) {
    return membership.reader(viewerId);
  }

  /** Visible items, newest first, by key; each card says whether the reader may read it. */
  public KeysetPage<ItemCard> catalog(CatalogFilter filter, String cursor, int size, Reader who) {
    return reader.catalog(filter, cursor, size, who);
  }

  /** Items published in the last seven days (early access included), newest first. */
  public List<ItemCard> newThisWeek(Reader who, int limit) {
    return reader.newThisWeek(who, limit);
  }

  /** The most enrolled and read items. */
  public List<ItemCard> popular(Reader who, int limit) {
    return reader.popular(who, limit);
  }

  /** Cards for items by id, in that order, without those the reader may not see. */
  public List<ItemCard> cards(List<UUID> ids, Reader who) {
    return reader.cardsById(ids, who);
  }

  /** An item's page; 404 when there is none the reader may see. */
  public ItemPage page(ContentKind kind, String slug, Reader who, Locale locale) {
    return reader.page(kind, slug, who, locale);
  }

  /** A lesson's page; 404 when the course or lesson is not there for this reader. */
  public LessonPage lesson(String courseSlug, UUID lessonId, Reader who, Locale locale) {
    return reader.lesson(courseSlug, lessonId, who, locale);
  }

  /** Whether the reader may open the lesson now (access and drip), before progress is recorded. */
  public boolean mayOpen(UUID courseId, UUID lessonId, Reader who) {
    return reader.mayOpen(courseId, lessonId, who);
  }

  /** A course's identity and lessons, for learning (progress, completion, certificates). */
  public Optional<CourseInfo> course(UUID courseId) {
    return courses.course(courseId);
  }

  /**
   * Several courses at once (in no particular order, unknown ids left out), in two statements
   * whatever their number: for learning's lists ("My learning", "continue learning").
   */
  public List<CourseInfo> courses(java.util.Collection<UUID> courseIds) {
    return courses.courses(courseIds);
  }

  /** The course a lesson belongs to. */
  public Optional<UUID> courseOfLesson(UUID lessonId) {
    return courses.courseOfLesson(lessonId);
  }

  /**
   * Counts one more learner in a course's popularity (learning calls it after an enrolment; a
   * popularity signal, so a rare double count on redelivery does not matter).
   */
  public void countEnrolment(UUID courseId) {
    reader.countEnrolment(courseId);
  }

  /** Categories in their order, named in the reader's language. */
  public List<CategoryView> categories(Locale locale) {
    return reader.categories(locale);
  }

  // Authoring

  public UUID create(ContentKind kind, ItemDraft draft, UUID authorId) {
    return editor.create(kind, draft, authorId);
  }

  public void update(UUID itemId, ItemDraft draft, UUID actorId) {
    editor.update(itemId, draft, actorId);
  }

  public void submit(UUID itemId, UUID actorId) {
    editor.submit(itemId, actorId);
  }

  /** The owner publishes now ({@code at} null or past) or schedules for {@code at}. */
  public void approve(UUID itemId, Instant at, UUID ownerId) {
    editor.approve(itemId, at, ownerId);
  }

  public void reject(UUID itemId, String note, UUID ownerId) {
    editor.reject(itemId, note, ownerId);
  }

  public void archive(UUID itemId, UUID actorId) {
    editor.archive(itemId, actorId);
  }

  public UUID addSection(UUID courseId, String title, UUID actorId) {
    return editor.addSection(courseId, title, actorId);
  }

  public UUID addLesson(UUID courseId, UUID sectionId, LessonDraft draft, UUID actorId) {
    return editor.addLesson(courseId, sectionId, draft, actorId);
  }

  public void updateLesson(UUID lessonId, LessonDraft draft, UUID actorId) {
    editor.updateLesson(lessonId, draft, actorId);
  }
}
