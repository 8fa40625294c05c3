package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.ts;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
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
import org.guildhall.content.ItemDraft;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
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
 * item's or a lesson's text is kept as a revision. The owner reviews: publishes now, schedules, or
 * sends back with a note.
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

  ContentEditor(
      ItemRepository items,
      SectionRepository sections,
      LessonRepository lessons,
      ContentText text,
      IdentityApi identity,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    this.items = items;
    this.sections = sections;
    this.lessons = lessons;
    this.text = text;
    this.identity = identity;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Creates a draft; the author must be an expert or the owner. */
  @Transactional
  public UUID create(ContentKind kind, ItemDraft draft, UUID authorId) {
    Set<Role> roles = roles(authorId);
    if (!roles.contains(Role.EXPERT) && !roles.contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.not-author");
    }
    validate(kind, draft, null);
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
    revision(
        item.id(), item.id(), item.revision(), item.title(), item.bodyMd(), authorId, null, now);
    return item.id();
  }

  /** Saves the author's changes; a changed text becomes a new revision. */
  @Transactional
  public void update(UUID itemId, ItemDraft draft, UUID actorId) {
    ContentItem item = editable(itemId, actorId);
    validate(item.kind(), draft, item);
    Instant now = clock.instant();
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
    jdbc.sql("DELETE FROM content_item_tag WHERE item_id = ?").param(itemId).update();
    tag(itemId, draft.tags());
    if (changed) {
      revision(
          item.id(), item.id(), item.revision(), item.title(), item.bodyMd(), actorId, null, now);
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
    ContentItem item = editable(itemId, actorId);
    Instant now = clock.instant();
    item.submit(now);
    events.publishEvent(
        new ContentEvents.ItemSubmitted(item.id(), item.authorId(), item.title(), now));
  }

  /** The owner publishes now ({@code at} null or past) or schedules for {@code at}. */
  @Transactional
  public void approve(UUID itemId, Instant at, UUID ownerId) {
    requireOwner(ownerId);
    ContentItem item = find(itemId);
    Instant now = clock.instant();
    item.approve(at, now);
    if (item.status() == org.guildhall.content.ContentStatus.PUBLISHED) {
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
    editable(itemId, actorId).archive(clock.instant());
  }

  @Transactional
  public void reopen(UUID itemId, UUID actorId) {
    editable(itemId, actorId).reopen(clock.instant());
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

  /** Adds a lesson at the end of a section. */
  @Transactional
  public UUID addLesson(UUID courseId, UUID sectionId, LessonDraft draft, UUID actorId) {
    ContentItem course = editable(courseId, actorId);
    Section section =
        sections
            .findById(sectionId)
            .filter(s -> s.courseId().equals(courseId))
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    validate(draft);
    Instant now = clock.instant();
    int position = lessons.findBySection(section.id()).size();
    Lesson lesson =
        new Lesson(course, section.id(), position, draft.title().strip(), draft.kind(), now);
    write(lesson, draft, now);
    lessons.saveAndFlush(lesson);
    attach(lesson.id(), draft.attachments());
    revision(courseId, lesson.id(), 1, lesson.title(), lesson.bodyMd(), actorId, null, now);
    return lesson.id();
  }

  @Transactional
  public void updateLesson(UUID lessonId, LessonDraft draft, UUID actorId) {
    Lesson lesson =
        lessons.findById(lessonId).orElseThrow(() -> DomainException.notFound("content.not-found"));
    editable(lesson.courseId(), actorId);
    validate(draft);
    Instant now = clock.instant();
    boolean changed = write(lesson, draft, now);
    lessons.saveAndFlush(lesson);
    jdbc.sql("DELETE FROM content_attachment WHERE lesson_id = ?").param(lessonId).update();
    attach(lessonId, draft.attachments());
    if (changed) {
      revision(
          lesson.courseId(),
          lessonId,
          nextRevision(lessonId),
          lesson.title(),
          lesson.bodyMd(),
          actorId,
          null,
          now);
    }
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

  private void requireOwner(UUID actorId) {
    if (!roles(actorId).contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.owner-only");
    }
  }

  private Set<Role> roles(UUID accountId) {
    return identity.find(new AccountId(accountId)).map(AccountSummary::roles).orElse(Set.of());
  }

  private void validate(ContentKind kind, ItemDraft draft, ContentItem existing) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (draft.title() == null || draft.title().isBlank()) {
      errors.put("title", "content.error.title");
    } else if (draft.title().strip().length() > 200) {
      errors.put("title", "content.error.title-long");
    }
    if (draft.slug() != null && !draft.slug().isBlank()) {
      if (!SLUG.matcher(draft.slug()).matches()) {
        errors.put("slug", "content.error.slug");
      } else if ((existing == null || !existing.slug().equals(draft.slug()))
          && items.existsBySlug(draft.slug())) {
        errors.put("slug", "content.error.slug-taken");
      }
    }
    if (draft.lang() != null && !LANGS.contains(draft.lang())) {
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
        && existing.status() != org.guildhall.content.ContentStatus.DRAFT) {
      errors.put("mediaId", "content.error.media-required");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
  }

  private void validate(LessonDraft draft) {
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
    if (draft.kind() != null && draft.kind() != LessonKind.TEXT && draft.mediaId() == null) {
      errors.put("mediaId", "content.error.lesson-media");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
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
