package org.guildhall.content;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.guildhall.content.internal.ContentEditor;
import org.guildhall.content.internal.StudioReads;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The studio: authoring for experts (their own items) and the owner (every item, and the review
 * queue). Lists, editors, the course builder, revisions with diff and restore, and the workflow
 * {@code DRAFT → IN_REVIEW → SCHEDULED → PUBLISHED → ARCHIVED}. Every method takes the acting
 * account and checks it: an expert touching someone else's item gets 403, an expert approving gets
 * 403, a stale form gets 409, bad input gets 422 with every field error and changes nothing.
 */
@Service
public class StudioApi {

  private final StudioReads reads;
  private final ContentEditor editor;
  private final Currency currency;

  StudioApi(
      StudioReads reads,
      ContentEditor editor,
      @Value("${guildhall.currency:CNY}") String currency) {
    this.reads = reads;
    this.editor = editor;
    this.currency = Currency.getInstance(currency);
  }

  /** The community's currency, in which prices are entered. */
  public Currency currency() {
    return currency;
  }

  // Lists

  /** The viewer's items (the owner's: everyone's), by last change, newest first. */
  public KeysetPage<StudioItem> items(UUID viewerId, StudioFilter filter, String cursor, int size) {
    return reads.items(viewerId, filter == null ? StudioFilter.ALL : filter, cursor, size);
  }

  /** Items waiting for the owner's review, the longest waiting first. */
  public KeysetPage<StudioItem> reviewQueue(UUID ownerId, String cursor, int size) {
    return reads.reviewQueue(ownerId, cursor, size);
  }

  /** Everyone who has written an item (the owner's author filter). */
  public List<StudioOptions.Option> authors(UUID ownerId) {
    return reads.authors(ownerId);
  }

  // Items

  public StudioItemDetail item(UUID itemId, UUID viewerId) {
    return reads.item(itemId, viewerId);
  }

  /** The choices of an item's form for this author and editor. */
  public StudioOptions options(
      ContentKind kind, UUID authorId, UUID viewerId, UUID currentColumn, Locale locale) {
    return reads.options(kind, authorId, viewerId, currentColumn, locale);
  }

  /** The sanitised HTML of Markdown as readers will see it (the live preview). */
  public StudioPreview preview(String markdown) {
    return reads.preview(markdown);
  }

  /**
   * The field errors a save would get (field to message key), without saving; for a form that has
   * found errors of its own and shows all of them at once. {@code itemId} null: a new item.
   */
  public Map<String, String> check(
      ContentKind kind,
      UUID itemId,
      ItemDraft draft,
      String note,
      StudioAction action,
      Instant at,
      UUID actorId) {
    return editor.check(kind, itemId, draft, note, action, at, actorId);
  }

  /** A new draft by the actor; {@code note} goes on its first revision. */
  public UUID create(ContentKind kind, ItemDraft draft, String note, UUID actorId) {
    return editor.createChecked(kind, draft, note, actorId);
  }

  /**
   * Saves the form and takes the step, both or neither. {@code expectedVersion}: the version the
   * form was opened at (409 if the item changed since; null: not checked). {@code at}: the time of
   * a {@link StudioAction#SCHEDULE}.
   */
  public void save(
      UUID itemId,
      ItemDraft draft,
      Long expectedVersion,
      String note,
      StudioAction action,
      Instant at,
      UUID actorId) {
    locked(
        () -> {
          editor.save(itemId, draft, expectedVersion, note, action, at, actorId);
          return null;
        });
  }

  /** A workflow step on the item as stored. */
  public void act(UUID itemId, StudioAction action, Instant at, UUID actorId) {
    locked(
        () -> {
          editor.act(itemId, action, at, actorId);
          return null;
        });
  }

  /** The owner publishes now ({@code at} null) or schedules for {@code at}, which must be later. */
  public void approve(UUID itemId, Instant at, UUID ownerId) {
    act(itemId, at == null ? StudioAction.PUBLISH : StudioAction.SCHEDULE, at, ownerId);
  }

  /** The owner sends the item back to its author with a note the author sees. */
  public void reject(UUID itemId, String note, UUID ownerId) {
    locked(
        () -> {
          editor.reject(itemId, note, ownerId);
          return null;
        });
  }

  // Courses

  public StudioOutline outline(UUID courseId, UUID viewerId) {
    return reads.outline(courseId, viewerId);
  }

  public UUID addSection(UUID courseId, String title, UUID actorId) {
    return editor.addSection(courseId, title, actorId);
  }

  public void renameSection(UUID sectionId, String title, UUID actorId) {
    editor.renameSection(sectionId, title, actorId);
  }

  /** One place up ({@code delta} < 0) or down. */
  public void moveSection(UUID sectionId, int delta, UUID actorId) {
    editor.moveSection(sectionId, delta, actorId);
  }

  /** Deletes a section without lessons (409 otherwise). */
  public void deleteSection(UUID sectionId, UUID actorId) {
    editor.deleteSection(sectionId, actorId);
  }

  public UUID addLesson(
      UUID courseId, UUID sectionId, LessonDraft draft, String note, UUID actorId) {
    return editor.addLessonChecked(courseId, sectionId, draft, note, actorId);
  }

  public StudioLesson lesson(UUID lessonId, UUID viewerId) {
    return reads.lesson(lessonId, viewerId);
  }

  /** The uploads a lesson of this course may use. */
  public List<StudioOptions.Media> lessonMedia(UUID courseId, UUID viewerId) {
    return reads.lessonMedia(courseId, viewerId);
  }

  /** The field errors a lesson save would get, without saving. */
  public Map<String, String> checkLesson(
      UUID courseId, UUID lessonId, LessonDraft draft, String note, UUID actorId) {
    return editor.checkLesson(courseId, lessonId, draft, note, actorId);
  }

  public void saveLesson(
      UUID lessonId, LessonDraft draft, Long expectedVersion, String note, UUID actorId) {
    locked(
        () -> {
          editor.saveLesson(lessonId, draft, expectedVersion, note, actorId);
          return null;
        });
  }

  /** One place up or down; across into the next section at either end. */
  public void moveLesson(UUID lessonId, int delta, UUID actorId) {
    editor.moveLesson(lessonId, delta, actorId);
  }

  public void deleteLesson(UUID lessonId, UUID actorId) {
    editor.deleteLesson(lessonId, actorId);
  }

  // Revisions

  /** An item's or a lesson's revisions, newest first. */
  public List<StudioRevision> revisions(UUID targetId, UUID viewerId) {
    return reads.revisions(targetId, viewerId);
  }

  /** All revisions of an item and its lessons, newest first. */
  /** Revisions of an item and of its lessons, newest first, by key. */
  public KeysetPage<StudioRevision> revisions(UUID itemId, UUID viewerId, String cursor, int size) {
    return reads.revisions(itemId, viewerId, cursor, size);
  }

  public StudioDiff diff(UUID revisionId, UUID viewerId) {
    return reads.diff(revisionId, viewerId);
  }

  /** Brings a revision's text back as a new revision; false if it is the current text already. */
  public boolean restore(UUID revisionId, UUID actorId) {
    return locked(() -> editor.restore(revisionId, actorId));
  }

  /** A concurrent save that won the race is reported like a stale form. */
  private static <T> T locked(Supplier<T> work) {
    try {
      return work.get();
    } catch (OptimisticLockingFailureException overtaken) {
      throw DomainException.conflict("content.error.stale");
    }
  }
}
