package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.ts;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentEvents;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.content.StudioAction;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authoring: experts create and edit their own items, the owner everything. Every change of an
 * item's or a lesson's text is kept as a revision; restoring one makes a new revision. The owner
 * reviews: publishes now, schedules, or sends back with a note.
 *
 * <p>The studio's methods ({@link #createChecked}, {@link #save}, {@link #act}, {@link
 * #saveLesson}, …) check more than the plain ones the demo data uses: the row version a form was
 * opened at, that chosen uploads belong to the author or the person editing ({@link MediaChoices}),
 * that a column is the author's, and what a workflow step needs (an audio or video item its media
 * file, a schedule a future time). Every field error is reported at once and nothing is saved.
 */
@Service
public class ContentEditor {

  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?");
  static final int MAX_BODY = 200_000;
  private static final Set<String> LANGS = Set.of("zh-CN", "en");

  private final ItemRepository items;
  private final SectionRepository sections;
  private final LessonRepository lessons;
  private final ContentText text;
  private final IdentityApi identity;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final MediaChoices media;

  ContentEditor(
      ItemRepository items,
      SectionRepository sections,
      LessonRepository lessons,
      ContentText text,
      IdentityApi identity,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock,
      MediaChoices media) {
    this.items = items;
    this.sections = sections;
    this.lessons = lessons;
    this.text = text;
    this.identity = identity;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
    this.media = media;
  }

  /** Creates a draft; the author must be an expert or the owner. */
  @Transactional
  public UUID create(ContentKind kind, ItemDraft draft, UUID authorId) {
    requireAuthor(authorId);
    validate(kind, draft, null);
    return insert(kind, draft, null, authorId);
  }

  /**
   * Creates a draft from the studio: as {@link #create}, and the chosen uploads and column must be
   * the author's; {@code note} goes on the first revision.
   */
  @Transactional
  public UUID createChecked(ContentKind kind, ItemDraft draft, String note, UUID authorId) {
    requireAuthor(authorId);
    Map<String, String> errors = errors(kind, draft, null);
    studioErrors(errors, kind, draft, null, authorId, authorId);
    noteErrors(errors, note);
    throwIfAny(errors);
    return insert(kind, draft, blankToNull(note), authorId);
  }

  private UUID insert(ContentKind kind, ItemDraft draft, String note, UUID authorId) {
    Instant now = clock.instant();
    String slug =
        draft.slug() == null || draft.slug().isBlank()
            ? freeSlug(kind, draft.title())
            : draft.slug();
    ContentItem item =
        new ContentItem(kind, slug, lang(draft.lang()), draft.title().strip(), authorId, now);
    apply(item, draft, now);
    items.saveAndFlush(item);
    tag(item.id(), draft.tags());
    revision(item.id(), item.id(), 1, item.title(), item.bodyMd(), authorId, note, now);
    return item.id();
  }

  /** Saves the author's changes; a changed text becomes a new revision. */
  @Transactional
  public void update(UUID itemId, ItemDraft draft, UUID actorId) {
    ContentItem item = editable(itemId, actorId);
    validate(item.kind(), draft, item);
    write(item, draft, null, actorId, clock.instant());
  }

  /**
   * The studio's save: refused with 409 when the item changed since the form was opened ({@code
   * expectedVersion}, null: not checked); every field is checked at once, then the changes are
   * saved and the workflow step is taken, both or neither. {@code at} is the time of a {@link
   * StudioAction#SCHEDULE}.
   */
  @Transactional
  public void save(
      UUID itemId,
      ItemDraft draft,
      Long expectedVersion,
      String note,
      StudioAction action,
      Instant at,
      UUID actorId) {
    ContentItem item = editable(itemId, actorId);
    requireVersion(expectedVersion, item.version());
    StudioAction step = action == null ? StudioAction.SAVE : action;
    if (step == StudioAction.PUBLISH || step == StudioAction.SCHEDULE) {
      requireOwner(actorId);
    }
    Instant now = clock.instant();
    Map<String, String> errors = errors(item.kind(), draft, item);
    studioErrors(errors, item.kind(), draft, item, item.authorId(), actorId);
    noteErrors(errors, note);
    stepErrors(errors, item.kind(), draft.mediaId(), step, at, now);
    throwIfAny(errors);
    write(item, draft, blankToNull(note), actorId, now);
    step(item, step, at, now);
  }

  /**
   * The errors the studio would report for this draft (of a new item of {@code kind}, or of the
   * item {@code itemId}) with this note and step, without saving anything; the form adds its own
   * (unreadable numbers) so that every error shows at once.
   */
  @Transactional(readOnly = true)
  public Map<String, String> check(
      ContentKind kind,
      UUID itemId,
      ItemDraft draft,
      String note,
      StudioAction action,
      Instant at,
      UUID actorId) {
    ContentItem item = itemId == null ? null : editable(itemId, actorId);
    ContentKind k = item == null ? kind : item.kind();
    Map<String, String> errors = errors(k, draft, item);
    studioErrors(errors, k, draft, item, item == null ? actorId : item.authorId(), actorId);
    noteErrors(errors, note);
    stepErrors(
        errors,
        k,
        draft.mediaId(),
        action == null ? StudioAction.SAVE : action,
        at,
        clock.instant());
    return errors;
  }

  /** A workflow step on the item as it is stored (no changes to save). */
  @Transactional
  public void act(UUID itemId, StudioAction action, Instant at, UUID actorId) {
    ContentItem item = editable(itemId, actorId);
    if (action == StudioAction.PUBLISH || action == StudioAction.SCHEDULE) {
      requireOwner(actorId);
    }
    Instant now = clock.instant();
    Map<String, String> errors = new LinkedHashMap<>();
    stepErrors(errors, item.kind(), item.mediaId(), action, at, now);
    throwIfAny(errors);
    step(item, action, at, now);
  }

  private void write(ContentItem item, ItemDraft draft, String note, UUID actorId, Instant now) {
    boolean changed = apply(item, draft, now);
    if (draft.slug() != null && !draft.slug().isBlank()) {
      item.describe(
          draft.slug(),
          lang(draft.lang()),
          item.categoryId(),
          item.column(),
          item.coverMediaId(),
          now);
    }
    items.saveAndFlush(item);
    events.publishEvent(new ItemsChanged(item.id()));
    jdbc.sql("DELETE FROM content_item_tag WHERE item_id = ?").param(item.id()).update();
    tag(item.id(), draft.tags());
    if (changed) {
      revision(
          item.id(),
          item.id(),
          nextRevision(item.id()),
          item.title(),
          item.bodyMd(),
          actorId,
          note,
          now);
    }
  }

  private void step(ContentItem item, StudioAction action, Instant at, Instant now) {
    switch (action) {
      case SAVE -> {}
      case SUBMIT -> submitted(item, now);
      case PUBLISH -> approved(item, null, now);
      case SCHEDULE -> approved(item, at, now);
      case ARCHIVE -> archived(item, now);
      case REOPEN -> reopened(item, now);
    }
  }

  /** What a step needs: an audio or video item its file before review; a schedule a future time. */
  private static void stepErrors(
      Map<String, String> errors,
      ContentKind kind,
      UUID mediaId,
      StudioAction action,
      Instant at,
      Instant now) {
    boolean goingOut =
        action == StudioAction.SUBMIT
            || action == StudioAction.PUBLISH
            || action == StudioAction.SCHEDULE;
    if (goingOut && kind.isMedia() && mediaId == null) {
      errors.putIfAbsent("mediaId", "content.error.media-required");
    }
    if (action == StudioAction.SCHEDULE && (at == null || !at.isAfter(now))) {
      errors.putIfAbsent("publishAt", "content.error.schedule-future");
    }
  }

  private boolean apply(ContentItem item, ItemDraft draft, Instant now) {
    String body = draft.bodyMd() == null ? "" : draft.bodyMd();
    ContentText.Rendered rendered = text.render(body);
    String excerpt =
        draft.excerpt() == null || draft.excerpt().isBlank()
            ? text.excerpt(rendered.previewMd(), 160)
            : draft.excerpt().strip();
    boolean changed = item.write(draft.title().strip(), excerpt, body, rendered, now);
    item.describe(
        item.slug(),
        lang(draft.lang()),
        categoryId(draft.categorySlug()),
        draft.columnId() == null ? null : find(draft.columnId()),
        draft.coverMediaId(),
        now);
    item.media(draft.mediaId(), draft.durationSeconds(), now);
    item.access(
        draft.access() == null ? ContentAccess.PUBLIC : draft.access(),
        draft.minTierRank(),
        draft.price(),
        now);
    return changed;
  }

  /** The author asks for review; the owner may publish their own items directly instead. */
  @Transactional
  public void submit(UUID itemId, UUID actorId) {
    submitted(editable(itemId, actorId), clock.instant());
  }

  private void submitted(ContentItem item, Instant now) {
    item.submit(now);
    events.publishEvent(
        new ContentEvents.ItemSubmitted(item.id(), item.authorId(), item.title(), now));
  }

  /** The owner publishes now ({@code at} null or past) or schedules for {@code at}. */
  @Transactional
  public void approve(UUID itemId, Instant at, UUID ownerId) {
    requireOwner(ownerId);
    approved(find(itemId), at, clock.instant());
  }

  private void approved(ContentItem item, Instant at, Instant now) {
    item.approve(at, now);
    if (item.status() == ContentStatus.PUBLISHED) {
      events.publishEvent(
          new ContentEvents.ItemPublished(item.id(), item.kind(), item.authorId(), now));
    }
  }

  @Transactional
  public void reject(UUID itemId, String note, UUID ownerId) {
    requireOwner(ownerId);
    if (note == null || note.isBlank() || note.length() > 1000) {
      throw DomainException.invalidField("note", "content.error.note");
    }
    ContentItem item = find(itemId);
    Instant now = clock.instant();
    item.reject(note.strip(), now);
    events.publishEvent(
        new ContentEvents.ItemRejected(item.id(), item.authorId(), note.strip(), now));
  }

  @Transactional
  public void archive(UUID itemId, UUID actorId) {
    archived(editable(itemId, actorId), clock.instant());
  }

  private void archived(ContentItem item, Instant now) {
    item.archive(now);
    events.publishEvent(new ItemsChanged(item.id()));
  }

  @Transactional
  public void reopen(UUID itemId, UUID actorId) {
    reopened(editable(itemId, actorId), clock.instant());
  }

  private void reopened(ContentItem item, Instant now) {
    item.reopen(now);
    events.publishEvent(new ItemsChanged(item.id()));
  }

  /** Publishes scheduled items whose time has come; returns how many. */
  @Transactional
  public int publishDue() {
    Instant now = clock.instant();
    int published = 0;
    for (UUID id : items.findDue(now, Limit.of(200))) {
      ContentItem item = find(id);
      if (item.publishIfDue(now)) {
        published++;
        events.publishEvent(
            new ContentEvents.ItemPublished(item.id(), item.kind(), item.authorId(), now));
      }
    }
    return published;
  }

  /** Adds a section at the end of a course. */
  @Transactional
  public UUID addSection(UUID courseId, String title, UUID actorId) {
    ContentItem course = editable(courseId, actorId);
    if (course.kind() != ContentKind.COURSE) {
      throw DomainException.conflict("content.error.not-course");
    }
    requireTitle(title, "title");
    int position = sections.findByCourse(courseId).size();
    Section section = new Section(courseId, position, title.strip());
    sections.save(section);
    return section.id();
  }

  @Transactional
  public void renameSection(UUID sectionId, String title, UUID actorId) {
    Section section = section(sectionId);
    editable(section.courseId(), actorId);
    requireTitle(title, "title");
    section.rename(title.strip());
  }

  /** Moves a section one place up ({@code delta} < 0) or down; positions stay 0, 1, 2, … */
  @Transactional
  public void moveSection(UUID sectionId, int delta, UUID actorId) {
    Section section = section(sectionId);
    editable(section.courseId(), actorId);
    List<Section> all = new ArrayList<>(sections.findByCourse(section.courseId()));
    int from = indexOf(all, section.id(), Section::id);
    int to = from + Integer.signum(delta);
    if (delta == 0 || to < 0 || to >= all.size()) {
      return;
    }
    Collections.swap(all, from, to);
    renumberSections(all);
  }

  /** Deletes a section that has no lessons (move or delete them first). */
  @Transactional
  public void deleteSection(UUID sectionId, UUID actorId) {
    Section section = section(sectionId);
    editable(section.courseId(), actorId);
    if (!lessons.findBySection(sectionId).isEmpty()) {
      throw DomainException.conflict("content.error.section-not-empty");
    }
    sections.delete(section);
    sections.flush();
    renumberSections(new ArrayList<>(sections.findByCourse(section.courseId())));
  }

  /** Adds a lesson at the end of a section. */
  @Transactional
  public UUID addLesson(UUID courseId, UUID sectionId, LessonDraft draft, UUID actorId) {
    editable(courseId, actorId);
    validate(draft);
    return insertLesson(courseId, sectionId, draft, null, actorId);
  }

  /** Adds a lesson from the studio: as {@link #addLesson}, and its uploads must be the author's. */
  @Transactional
  public UUID addLessonChecked(
      UUID courseId, UUID sectionId, LessonDraft draft, String note, UUID actorId) {
    ContentItem course = editable(courseId, actorId);
    Map<String, String> errors = lessonErrors(draft);
    lessonMediaErrors(errors, draft, null, List.of(), course.authorId(), actorId);
    noteErrors(errors, note);
    throwIfAny(errors);
    return insertLesson(courseId, sectionId, draft, blankToNull(note), actorId);
  }

  private UUID insertLesson(
      UUID courseId, UUID sectionId, LessonDraft draft, String note, UUID actorId) {
    ContentItem course = find(courseId);
    Section section =
        sections
            .findById(sectionId)
            .filter(s -> s.courseId().equals(courseId))
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    Instant now = clock.instant();
    int position = lessons.findBySection(section.id()).size();
    Lesson lesson =
        new Lesson(
            course,
            section.id(),
            position,
            draft.title().strip(),
            draft.kind() == null ? LessonKind.TEXT : draft.kind(),
            now);
    write(lesson, draft, now);
    lessons.saveAndFlush(lesson);
    attach(lesson.id(), draft.attachments());
    revision(courseId, lesson.id(), 1, lesson.title(), lesson.bodyMd(), actorId, note, now);
    return lesson.id();
  }

  @Transactional
  public void updateLesson(UUID lessonId, LessonDraft draft, UUID actorId) {
    Lesson lesson = lesson(lessonId);
    editable(lesson.courseId(), actorId);
    validate(draft);
    writeLesson(lesson, draft, null, actorId);
  }

  /**
   * The studio's lesson save: refused with 409 when the lesson changed since the form was opened;
   * every field is checked at once (uploads must be the author's) and nothing is saved on error.
   */
  @Transactional
  public void saveLesson(
      UUID lessonId, LessonDraft draft, Long expectedVersion, String note, UUID actorId) {
    Lesson lesson = lesson(lessonId);
    ContentItem course = editable(lesson.courseId(), actorId);
    requireVersion(expectedVersion, lesson.version());
    Map<String, String> errors = lessonErrors(draft);
    lessonMediaErrors(
        errors, draft, lesson.mediaId(), attachments(lessonId), course.authorId(), actorId);
    noteErrors(errors, note);
    throwIfAny(errors);
    writeLesson(lesson, draft, blankToNull(note), actorId);
  }

  /** The errors the studio would report for a lesson draft (new when {@code lessonId} is null). */
  @Transactional(readOnly = true)
  public Map<String, String> checkLesson(
      UUID courseId, UUID lessonId, LessonDraft draft, String note, UUID actorId) {
    Lesson lesson = lessonId == null ? null : lesson(lessonId);
    ContentItem course = editable(lesson == null ? courseId : lesson.courseId(), actorId);
    Map<String, String> errors = lessonErrors(draft);
    lessonMediaErrors(
        errors,
        draft,
        lesson == null ? null : lesson.mediaId(),
        lesson == null ? List.of() : attachments(lessonId),
        course.authorId(),
        actorId);
    noteErrors(errors, note);
    return errors;
  }

  private void writeLesson(Lesson lesson, LessonDraft draft, String note, UUID actorId) {
    Instant now = clock.instant();
    boolean changed = write(lesson, draft, now);
    lessons.saveAndFlush(lesson);
    jdbc.sql("DELETE FROM content_attachment WHERE lesson_id = ?").param(lesson.id()).update();
    attach(lesson.id(), draft.attachments());
    if (changed) {
      revision(
          lesson.courseId(),
          lesson.id(),
          nextRevision(lesson.id()),
          lesson.title(),
          lesson.bodyMd(),
          actorId,
          note,
          now);
    }
  }

  /**
   * Moves a lesson one place up ({@code delta} < 0) or down; from the top or bottom of its section
   * it moves to the end of the section above or the start of the one below. Positions in each
   * section stay 0, 1, 2, …
   */
  @Transactional
  public void moveLesson(UUID lessonId, int delta, UUID actorId) {
    Lesson lesson = lesson(lessonId);
    editable(lesson.courseId(), actorId);
    int direction = Integer.signum(delta);
    if (direction == 0) {
      return;
    }
    List<Lesson> siblings = new ArrayList<>(lessons.findBySection(lesson.sectionId()));
    int from = indexOf(siblings, lesson.id(), Lesson::id);
    int to = from + direction;
    if (to >= 0 && to < siblings.size()) {
      Collections.swap(siblings, from, to);
      renumberLessons(siblings, lesson.sectionId());
      return;
    }
    List<Section> all = sections.findByCourse(lesson.courseId());
    int section = indexOf(all, lesson.sectionId(), Section::id) + direction;
    if (section < 0 || section >= all.size()) {
      return;
    }
    UUID targetId = all.get(section).id();
    siblings.remove(from);
    renumberLessons(siblings, lesson.sectionId());
    List<Lesson> target = new ArrayList<>(lessons.findBySection(targetId));
    target.add(direction < 0 ? target.size() : 0, lesson);
    renumberLessons(target, targetId);
  }

  /** Deletes a lesson with its attachments and revisions; the others close up. */
  @Transactional
  public void deleteLesson(UUID lessonId, UUID actorId) {
    Lesson lesson = lesson(lessonId);
    editable(lesson.courseId(), actorId);
    jdbc.sql("DELETE FROM content_revision WHERE target_id = ?").param(lessonId).update();
    lessons.delete(lesson);
    lessons.flush();
    renumberLessons(new ArrayList<>(lessons.findBySection(lesson.sectionId())), lesson.sectionId());
  }

  private void renumberSections(List<Section> ordered) {
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).moveTo(i);
    }
  }

  private void renumberLessons(List<Lesson> ordered, UUID sectionId) {
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).moveTo(sectionId, i);
    }
  }

  private static <T> int indexOf(List<T> list, UUID id, java.util.function.Function<T, UUID> idOf) {
    for (int i = 0; i < list.size(); i++) {
      if (idOf.apply(list.get(i)).equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("not in its own list: " + id);
  }

  private boolean write(Lesson lesson, LessonDraft draft, Instant now) {
    String body = draft.bodyMd() == null ? "" : draft.bodyMd();
    boolean changed = lesson.write(draft.title().strip(), body, text.html(body), now);
    lesson.settings(
        draft.kind() == null ? LessonKind.TEXT : draft.kind(),
        draft.mediaId(),
        draft.durationSeconds(),
        draft.preview(),
        draft.dripDays(),
        now);
    return changed;
  }

  private void attach(UUID lessonId, List<UUID> mediaIds) {
    int position = 0;
    for (UUID mediaId : new java.util.LinkedHashSet<>(mediaIds)) {
      jdbc.sql("INSERT INTO content_attachment (lesson_id, media_id, position) VALUES (?, ?, ?)")
          .params(lessonId, mediaId, position++)
          .update();
    }
  }

  private List<UUID> attachments(UUID lessonId) {
    return jdbc.sql("SELECT media_id FROM content_attachment WHERE lesson_id = ? ORDER BY position")
        .param(lessonId)
        .query(UUID.class)
        .list();
  }

  // Revisions

  /** The note of a revision that brought back revision {@code n}. */
  static final String RESTORED = "#restored:";

  /**
   * Brings back a revision's title and text as a new revision (the HTML is rendered again); false
   * when the text is already the same.
   */
  @Transactional
  public boolean restore(UUID revisionId, UUID actorId) {
    record Stored(UUID itemId, UUID targetId, int number, String title, String bodyMd) {}
    Stored stored =
        jdbc.sql(
                "SELECT item_id, target_id, number, title, body_md FROM content_revision WHERE id ="
                    + " ?")
            .param(revisionId)
            .query(
                (rs, n) ->
                    new Stored(
                        rs.getObject("item_id", UUID.class),
                        rs.getObject("target_id", UUID.class),
                        rs.getInt("number"),
                        rs.getString("title"),
                        rs.getString("body_md")))
            .optional()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    ContentItem item = editable(stored.itemId(), actorId);
    Instant now = clock.instant();
    String note = RESTORED + stored.number();
    if (stored.targetId().equals(item.id())) {
      boolean changed =
          item.write(
              stored.title(), item.excerpt(), stored.bodyMd(), text.render(stored.bodyMd()), now);
      if (!changed) {
        return false;
      }
      items.saveAndFlush(item);
      events.publishEvent(new ItemsChanged(item.id()));
      revision(
          item.id(),
          item.id(),
          nextRevision(item.id()),
          item.title(),
          item.bodyMd(),
          actorId,
          note,
          now);
      return true;
    }
    Lesson lesson = lesson(stored.targetId());
    boolean changed =
        lesson.write(stored.title(), stored.bodyMd(), text.html(stored.bodyMd()), now);
    if (!changed) {
      return false;
    }
    lessons.saveAndFlush(lesson);
    revision(
        item.id(),
        lesson.id(),
        nextRevision(lesson.id()),
        lesson.title(),
        lesson.bodyMd(),
        actorId,
        note,
        now);
    return true;
  }

  void revision(
      UUID itemId,
      UUID targetId,
      int number,
      String title,
      String bodyMd,
      UUID authorId,
      String note,
      Instant now) {
    jdbc.sql(
            "INSERT INTO content_revision (id, item_id, target_id, number, title, body_md,"
                + " author_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), itemId, targetId, number, title, bodyMd, authorId, note, ts(now))
        .update();
  }

  int nextRevision(UUID targetId) {
    return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM content_revision WHERE target_id = ?")
        .param(targetId)
        .query(Integer.class)
        .single();
  }

  /** The item, if the actor is its author or the owner; otherwise 403 (404 if there is none). */
  ContentItem editable(UUID itemId, UUID actorId) {
    ContentItem item = find(itemId);
    if (!item.authorId().equals(actorId) && !roles(actorId).contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.not-yours");
    }
    return item;
  }

  ContentItem find(UUID itemId) {
    return items.findById(itemId).orElseThrow(() -> DomainException.notFound("content.not-found"));
  }

  private Section section(UUID sectionId) {
    return sections
        .findById(sectionId)
        .orElseThrow(() -> DomainException.notFound("content.not-found"));
  }

  private Lesson lesson(UUID lessonId) {
    return lessons
        .findById(lessonId)
        .orElseThrow(() -> DomainException.notFound("content.not-found"));
  }

  private void requireAuthor(UUID accountId) {
    Set<Role> roles = roles(accountId);
    if (!roles.contains(Role.EXPERT) && !roles.contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.not-author");
    }
  }

  private void requireOwner(UUID actorId) {
    if (!roles(actorId).contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.owner-only");
    }
  }

  /** A form opened at another version than the stored one was overtaken by another save. */
  private static void requireVersion(Long expected, long actual) {
    if (expected != null && expected != actual) {
      throw DomainException.conflict("content.error.stale");
    }
  }

  private Set<Role> roles(UUID accountId) {
    return identity.roles(new AccountId(accountId));
  }

  private void validate(ContentKind kind, ItemDraft draft, ContentItem existing) {
    throwIfAny(errors(kind, draft, existing));
  }

  private Map<String, String> errors(ContentKind kind, ItemDraft draft, ContentItem existing) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (draft.title() == null || draft.title().isBlank()) {
      errors.put("title", "content.error.title");
    } else if (draft.title().strip().length() > 200) {
      errors.put("title", "content.error.title-long");
    }
    if (draft.slug() != null && !draft.slug().isBlank()) {
      boolean changes = existing == null || !existing.slug().equals(draft.slug());
      if (!SLUG.matcher(draft.slug()).matches()) {
        errors.put("slug", "content.error.slug");
      } else if (changes && existing != null && existing.slugFixed()) {
        errors.put("slug", "content.error.slug-fixed");
      } else if (changes && items.existsBySlug(draft.slug())) {
        errors.put("slug", "content.error.slug-taken");
      }
    }
    if (draft.lang() != null && !draft.lang().isBlank() && !LANGS.contains(draft.lang())) {
      errors.put("lang", "content.error.lang");
    }
    if (draft.excerpt() != null && draft.excerpt().length() > 600) {
      errors.put("excerpt", "content.error.excerpt");
    }
    if (draft.bodyMd() != null && draft.bodyMd().length() > MAX_BODY) {
      errors.put("bodyMd", "content.error.body-long");
    }
    if (draft.categorySlug() != null
        && !draft.categorySlug().isBlank()
        && categoryId(draft.categorySlug()) == null) {
      errors.put("categorySlug", "content.error.category");
    }
    if (draft.tags().size() > 10
        || draft.tags().stream().anyMatch(t -> t.isBlank() || t.length() > 40)) {
      errors.put("tags", "content.error.tags");
    }
    if (draft.access() == ContentAccess.PURCHASE
        && (draft.price() == null || draft.price().minor() <= 0)) {
      errors.put("price", "content.error.price");
    }
    if (draft.minTierRank() < 0) {
      errors.put("minTierRank", "content.error.rank");
    }
    if (draft.durationSeconds() != null && draft.durationSeconds() < 0) {
      errors.put("durationSeconds", "content.error.duration");
    }
    if (draft.columnId() != null) {
      if (kind != ContentKind.ARTICLE) {
        errors.put("columnId", "content.error.column-kind");
      } else if (items
          .findById(draft.columnId())
          .filter(c -> c.kind() == ContentKind.COLUMN)
          .isEmpty()) {
        errors.put("columnId", "content.error.column");
      }
    }
    if (kind.isMedia()
        && draft.mediaId() == null
        && existing != null
        && existing.status() != ContentStatus.DRAFT) {
      errors.put("mediaId", "content.error.media-required");
    }
    return errors;
  }

  /**
   * What the studio checks besides: a newly chosen upload must belong to the author or the person
   * editing, and a newly chosen column must be the author's (or the owner is editing).
   */
  private void studioErrors(
      Map<String, String> errors,
      ContentKind kind,
      ItemDraft draft,
      ContentItem existing,
      UUID authorId,
      UUID actorId) {
    mediaError(
        errors,
        "coverMediaId",
        draft.coverMediaId(),
        existing == null ? null : existing.coverMediaId(),
        authorId,
        actorId);
    mediaError(
        errors,
        "mediaId",
        draft.mediaId(),
        existing == null ? null : existing.mediaId(),
        authorId,
        actorId);
    if (draft.columnId() != null
        && !errors.containsKey("columnId")
        && (existing == null || !draft.columnId().equals(existing.columnId()))
        && !roles(actorId).contains(Role.OWNER)
        && items.findById(draft.columnId()).filter(c -> c.authorId().equals(authorId)).isEmpty()) {
      errors.put("columnId", "content.error.column");
    }
  }

  private void lessonMediaErrors(
      Map<String, String> errors,
      LessonDraft draft,
      UUID currentMedia,
      List<UUID> currentAttachments,
      UUID authorId,
      UUID actorId) {
    mediaError(errors, "mediaId", draft.mediaId(), currentMedia, authorId, actorId);
    for (UUID attachment : draft.attachments()) {
      if (!currentAttachments.contains(attachment)) {
        mediaError(errors, "attachments", attachment, null, authorId, actorId);
      }
    }
  }

  private void mediaError(
      Map<String, String> errors,
      String field,
      UUID chosen,
      UUID current,
      UUID authorId,
      UUID actorId) {
    if (chosen == null || chosen.equals(current) || errors.containsKey(field)) {
      return;
    }
    if (!media.owns(authorId, chosen) && !media.owns(actorId, chosen)) {
      errors.put(field, "content.error.media-not-yours");
    }
  }

  private static void noteErrors(Map<String, String> errors, String note) {
    if (note != null && note.strip().length() > 200) {
      errors.put("note", "content.error.revision-note");
    }
  }

  private static void throwIfAny(Map<String, String> errors) {
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private void validate(LessonDraft draft) {
    throwIfAny(lessonErrors(draft));
  }

  private static Map<String, String> lessonErrors(LessonDraft draft) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (draft.title() == null || draft.title().isBlank()) {
      errors.put("title", "content.error.title");
    } else if (draft.title().strip().length() > 200) {
      errors.put("title", "content.error.title-long");
    }
    if (draft.bodyMd() != null && draft.bodyMd().length() > MAX_BODY) {
      errors.put("bodyMd", "content.error.body-long");
    }
    if (draft.dripDays() < 0 || draft.dripDays() > 3650) {
      errors.put("dripDays", "content.error.drip");
    }
    if (draft.durationSeconds() != null && draft.durationSeconds() < 0) {
      errors.put("durationSeconds", "content.error.duration");
    }
    if (draft.kind() != null && draft.kind() != LessonKind.TEXT && draft.mediaId() == null) {
      errors.put("mediaId", "content.error.lesson-media");
    }
    if (draft.attachments().size() > 20) {
      errors.put("attachments", "content.error.attachments");
    }
    return errors;
  }

  private static void requireTitle(String title, String field) {
    if (title == null || title.isBlank() || title.strip().length() > 200) {
      throw DomainException.invalidField(field, "content.error.title");
    }
  }

  private static String lang(String lang) {
    return lang == null || lang.isBlank() ? "zh-CN" : lang;
  }

  private UUID categoryId(String slug) {
    if (slug == null || slug.isBlank()) {
      return null;
    }
    return jdbc.sql("SELECT id FROM content_category WHERE slug = ?")
        .param(slug)
        .query(UUID.class)
        .optional()
        .orElse(null);
  }

  private void tag(UUID itemId, List<String> names) {
    for (String name : new java.util.LinkedHashSet<>(names)) {
      String clean = name.strip();
      String slug = slugOf(clean);
      if (slug.isEmpty()) {
        slug = "t-" + Integer.toHexString(clean.hashCode() & 0x7fffffff);
      }
      jdbc.sql("INSERT INTO content_tag (id, slug, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
          .params(UUID.randomUUID(), slug, clean)
          .update();
      UUID tagId =
          jdbc.sql("SELECT id FROM content_tag WHERE slug = ?")
              .param(slug)
              .query(UUID.class)
              .single();
      jdbc.sql(
              "INSERT INTO content_item_tag (item_id, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .params(itemId, tagId)
          .update();
    }
  }

  /** A slug from the title's Latin letters and digits, made unique; a random one otherwise. */
  private String freeSlug(ContentKind kind, String title) {
    String base = slugOf(title);
    if (base.length() < 3) {
      base =
          kind.itemKind()
              + "-"
              + Long.toString(
                  Math.abs(UUID.randomUUID().getMostSignificantBits()) % 2176782336L, 36);
    }
    String slug = base;
    for (int n = 2; items.existsBySlug(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  static String slugOf(String text) {
    String ascii =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    return ascii.length() > 80 ? ascii.substring(0, 80).replaceAll("-+$", "") : ascii;
  }
}
