package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.LessonKind;
import org.guildhall.content.StudioDiff;
import org.guildhall.content.StudioFilter;
import org.guildhall.content.StudioItem;
import org.guildhall.content.StudioItemDetail;
import org.guildhall.content.StudioLesson;
import org.guildhall.content.StudioOptions;
import org.guildhall.content.StudioOutline;
import org.guildhall.content.StudioPreview;
import org.guildhall.content.StudioRevision;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.MembershipApi;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the studio shows: an author's items (the owner's: everyone's), the review queue, an item or
 * a lesson to edit, a course's outline, revisions and their diffs. Each list is one keyset-paged
 * statement; each read checks that the viewer is the author or the owner.
 */
@Service
public class StudioReads {

  private static final int MAX_PAGE = 100;
  private static final Pattern RESTORED =
      Pattern.compile(Pattern.quote(ContentEditor.RESTORED) + "(\\d+)");
  private static final String ITEM_COLUMNS =
      "i.id, i.kind, i.title, i.slug, i.status, i.author_id, i.updated_at, i.published_at,"
          + " i.review_note";

  private final JdbcClient jdbc;
  private final IdentityApi identity;
  private final MembershipApi membership;
  private final MediaChoices media;
  private final ContentText text;

  StudioReads(
      JdbcClient jdbc,
      IdentityApi identity,
      MembershipApi membership,
      MediaChoices media,
      ContentText text) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.membership = membership;
    this.media = media;
    this.text = text;
  }

  // Lists

  /**
   * Items by last change, newest first: an expert's own, or for the owner everyone's (filtered by
   * author if asked).
   */
  @Transactional(readOnly = true)
  public KeysetPage<StudioItem> items(UUID viewerId, StudioFilter filter, String cursor, int size) {
    Set<Role> roles = roles(viewerId);
    if (!roles.contains(Role.EXPERT) && !roles.contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.not-author");
    }
    UUID author = roles.contains(Role.OWNER) ? filter.authorId() : viewerId;
    int limit = Math.max(1, Math.min(size, MAX_PAGE));
    StringBuilder sql =
        new StringBuilder("SELECT " + ITEM_COLUMNS + " FROM content_item i WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (author != null) {
      sql.append(" AND i.author_id = ?");
      params.add(author);
    }
    if (filter.status() != null) {
      sql.append(" AND i.status = ?");
      params.add(filter.status().name());
    }
    if (filter.kind() != null) {
      sql.append(" AND i.kind = ?");
      params.add(filter.kind().name());
    }
    Cursor after = Cursor.decode(cursor).orElse(null);
    if (after != null) {
      sql.append(" AND (i.updated_at < ? OR (i.updated_at = ? AND i.id < ?))");
      params.add(ts(after.at()));
      params.add(ts(after.at()));
      params.add(after.id());
    }
    sql.append(" ORDER BY i.updated_at DESC, i.id DESC LIMIT ?");
    params.add(limit + 1);
    List<StudioItem> rows = named(jdbc.sql(sql.toString()).params(params).query(this::item).list());
    return KeysetPage.of(rows, limit, r -> new Cursor(r.updatedAt(), r.id()));
  }

  /** Items waiting for review, the longest waiting first (the owner only). */
  @Transactional(readOnly = true)
  public KeysetPage<StudioItem> reviewQueue(UUID ownerId, String cursor, int size) {
    requireOwner(ownerId);
    int limit = Math.max(1, Math.min(size, MAX_PAGE));
    StringBuilder sql =
        new StringBuilder(
            "SELECT " + ITEM_COLUMNS + " FROM content_item i WHERE i.status = 'IN_REVIEW'");
    List<Object> params = new ArrayList<>();
    Cursor after = Cursor.decode(cursor).orElse(null);
    if (after != null) {
      sql.append(" AND (i.updated_at > ? OR (i.updated_at = ? AND i.id > ?))");
      params.add(ts(after.at()));
      params.add(ts(after.at()));
      params.add(after.id());
    }
    sql.append(" ORDER BY i.updated_at, i.id LIMIT ?");
    params.add(limit + 1);
    List<StudioItem> rows = named(jdbc.sql(sql.toString()).params(params).query(this::item).list());
    return KeysetPage.of(rows, limit, r -> new Cursor(r.updatedAt(), r.id()));
  }

  /** Everyone who has written an item, by name (for the owner's author filter). */
  @Transactional(readOnly = true)
  public List<StudioOptions.Option> authors(UUID ownerId) {
    requireOwner(ownerId);
    List<UUID> ids =
        jdbc.sql("SELECT DISTINCT author_id FROM content_item").query(UUID.class).list();
    Map<UUID, String> names = names(ids);
    return ids.stream()
        .map(id -> new StudioOptions.Option(id.toString(), names.getOrDefault(id, "?")))
        .sorted(java.util.Comparator.comparing(StudioOptions.Option::label))
        .toList();
  }

  // One item

  @Transactional(readOnly = true)
  public StudioItemDetail item(UUID itemId, UUID viewerId) {
    StudioItemDetail detail =
        jdbc.sql(
                "SELECT i.*, c.slug AS category_slug FROM content_item i LEFT JOIN"
                    + " content_category c ON c.id = i.category_id WHERE i.id = ?")
            .param(itemId)
            .query(this::detail)
            .optional()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    requireEditable(detail.authorId(), viewerId);
    return detail;
  }

  private StudioItemDetail detail(ResultSet rs, int n) throws SQLException {
    UUID id = uuid(rs, "id");
    UUID authorId = uuid(rs, "author_id");
    long price = rs.getLong("price_minor");
    boolean priced = !rs.wasNull();
    int duration = rs.getInt("duration_seconds");
    Integer durationSeconds = rs.wasNull() ? null : duration;
    return new StudioItemDetail(
        id,
        ContentKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("slug"),
        rs.getString("lang"),
        rs.getString("excerpt"),
        rs.getString("body_md"),
        rs.getString("category_slug"),
        tags(id),
        uuid(rs, "column_id"),
        uuid(rs, "cover_media_id"),
        uuid(rs, "media_id"),
        durationSeconds,
        ContentAccess.valueOf(rs.getString("access")),
        rs.getInt("min_tier_rank"),
        priced ? Money.of(price, rs.getString("currency").strip()) : null,
        ContentStatus.valueOf(rs.getString("status")),
        instant(rs, "published_at"),
        rs.getString("review_note"),
        authorId,
        names(List.of(authorId)).getOrDefault(authorId, "?"),
        rs.getLong("version"),
        instant(rs, "updated_at"));
  }

  private List<String> tags(UUID itemId) {
    return jdbc.sql(
            "SELECT t.name FROM content_item_tag it JOIN content_tag t ON t.id = it.tag_id"
                + " WHERE it.item_id = ? ORDER BY t.name")
        .param(itemId)
        .query(String.class)
        .list();
  }

  /**
   * The choices of an item's form: categories, columns (the author's, or all for the owner; the
   * current one always), tiers by rank, and the uploads of the author and of the person editing.
   */
  @Transactional(readOnly = true)
  public StudioOptions options(
      ContentKind kind, UUID authorId, UUID viewerId, UUID currentColumn, Locale locale) {
    boolean chinese = "zh".equals(locale.getLanguage());
    List<StudioOptions.Option> categories =
        jdbc.sql("SELECT slug, name_en, name_zh FROM content_category ORDER BY position, slug")
            .query(
                (rs, n) ->
                    new StudioOptions.Option(
                        rs.getString("slug"), rs.getString(chinese ? "name_zh" : "name_en")))
            .list();
    List<StudioOptions.Option> columns = List.of();
    if (kind == ContentKind.ARTICLE) {
      boolean owner = roles(viewerId).contains(Role.OWNER);
      columns =
          jdbc.sql(
                  "SELECT id, title FROM content_item WHERE kind = 'COLUMN' AND (? OR author_id = ?"
                      + " OR id = ?) ORDER BY title, id")
              .params(owner, authorId, currentColumn)
              .query(
                  (rs, n) -> new StudioOptions.Option(uuid(rs, "id").toString(), rs.getString(2)))
              .list();
    }
    List<StudioOptions.Tier> tiers =
        membership.tiers(locale).stream()
            .map(t -> new StudioOptions.Tier(t.rank(), t.name()))
            .toList();
    return new StudioOptions(categories, columns, tiers, uploads(authorId, viewerId));
  }

  private List<StudioOptions.Media> uploads(UUID authorId, UUID viewerId) {
    Map<UUID, StudioOptions.Media> all = new LinkedHashMap<>();
    for (UUID owner : new java.util.LinkedHashSet<>(List.of(authorId, viewerId))) {
      for (MediaChoices.Choice c : media.mine(owner, Set.of())) {
        all.putIfAbsent(
            c.id(), new StudioOptions.Media(c.id(), c.kind().name(), c.name(), c.url()));
      }
    }
    return List.copyOf(all.values());
  }

  /** The free part and the rest of Markdown, sanitised, as readers will see them. */
  public StudioPreview preview(String markdown) {
    ContentText.Split split = text.split(markdown);
    return new StudioPreview(split.previewHtml(), split.restHtml(), split.marked());
  }

  // Courses

  @Transactional(readOnly = true)
  public StudioOutline outline(UUID courseId, UUID viewerId) {
    UUID authorId =
        jdbc.sql("SELECT author_id FROM content_item WHERE id = ? AND kind = 'COURSE'")
            .param(courseId)
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    requireEditable(authorId, viewerId);
    record Row(
        UUID sectionId,
        String sectionTitle,
        UUID lessonId,
        String title,
        String kind,
        Integer duration,
        boolean preview,
        int drip) {}
    List<Row> rows =
        jdbc.sql(
                "SELECT s.id AS section_id, s.title AS section_title, l.id AS lesson_id, l.title,"
                    + " l.kind, l.duration_seconds, l.preview, l.drip_days FROM content_section s"
                    + " LEFT JOIN content_lesson l ON l.section_id = s.id WHERE s.course_id = ?"
                    + " ORDER BY s.position, s.id, l.position, l.id")
            .param(courseId)
            .query(
                (rs, n) -> {
                  int duration = rs.getInt("duration_seconds");
                  Integer seconds = rs.wasNull() ? null : duration;
                  return new Row(
                      uuid(rs, "section_id"),
                      rs.getString("section_title"),
                      uuid(rs, "lesson_id"),
                      rs.getString("title"),
                      rs.getString("kind"),
                      seconds,
                      rs.getBoolean("preview"),
                      rs.getInt("drip_days"));
                })
            .list();
    Map<UUID, String> titles = new LinkedHashMap<>();
    Map<UUID, List<StudioOutline.Lesson>> lessons = new LinkedHashMap<>();
    int number = 0;
    for (Row row : rows) {
      titles.putIfAbsent(row.sectionId(), row.sectionTitle());
      List<StudioOutline.Lesson> list =
          lessons.computeIfAbsent(row.sectionId(), k -> new ArrayList<>());
      if (row.lessonId() != null) {
        list.add(
            new StudioOutline.Lesson(
                row.lessonId(),
                ++number,
                row.title(),
                LessonKind.valueOf(row.kind()),
                row.duration(),
                row.preview(),
                row.drip()));
      }
    }
    List<StudioOutline.Section> sections = new ArrayList<>();
    titles.forEach(
        (id, title) -> sections.add(new StudioOutline.Section(id, title, lessons.get(id))));
    return new StudioOutline(courseId, sections);
  }

  @Transactional(readOnly = true)
  public StudioLesson lesson(UUID lessonId, UUID viewerId) {
    record Row(StudioLesson lesson, UUID authorId) {}
    Row row =
        jdbc.sql(
                "SELECT l.*, i.title AS course_title, i.author_id, s.title AS section_title FROM"
                    + " content_lesson l JOIN content_item i ON i.id = l.course_id JOIN"
                    + " content_section s ON s.id = l.section_id WHERE l.id = ?")
            .param(lessonId)
            .query(
                (rs, n) -> {
                  int duration = rs.getInt("duration_seconds");
                  Integer seconds = rs.wasNull() ? null : duration;
                  return new Row(
                      new StudioLesson(
                          uuid(rs, "id"),
                          uuid(rs, "course_id"),
                          rs.getString("course_title"),
                          uuid(rs, "section_id"),
                          rs.getString("section_title"),
                          rs.getString("title"),
                          LessonKind.valueOf(rs.getString("kind")),
                          rs.getString("body_md"),
                          uuid(rs, "media_id"),
                          seconds,
                          rs.getBoolean("preview"),
                          rs.getInt("drip_days"),
                          List.of(),
                          rs.getLong("version"),
                          instant(rs, "updated_at")),
                      uuid(rs, "author_id"));
                })
            .optional()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    requireEditable(row.authorId(), viewerId);
    StudioLesson l = row.lesson();
    List<UUID> attachments =
        jdbc.sql("SELECT media_id FROM content_attachment WHERE lesson_id = ? ORDER BY position")
            .param(lessonId)
            .query(UUID.class)
            .list();
    return new StudioLesson(
        l.id(),
        l.courseId(),
        l.courseTitle(),
        l.sectionId(),
        l.sectionTitle(),
        l.title(),
        l.kind(),
        l.bodyMd(),
        l.mediaId(),
        l.durationSeconds(),
        l.preview(),
        l.dripDays(),
        attachments,
        l.version(),
        l.updatedAt());
  }

  /** The author's (and the editor's) uploads, for a lesson's media and attachments. */
  @Transactional(readOnly = true)
  public List<StudioOptions.Media> lessonMedia(UUID courseId, UUID viewerId) {
    UUID authorId = authorOf(courseId);
    requireEditable(authorId, viewerId);
    return uploads(authorId, viewerId);
  }

  // Revisions

  /** The revisions of an item's or a lesson's text, newest first. */
  @Transactional(readOnly = true)
  public List<StudioRevision> revisions(UUID targetId, UUID viewerId) {
    UUID itemId = itemOf(targetId);
    requireEditable(authorOf(itemId), viewerId);
    return named(
        jdbc.sql(
                "SELECT id, item_id, target_id, number, title, author_id, note, created_at FROM"
                    + " content_revision WHERE target_id = ? ORDER BY number DESC")
            .param(targetId)
            .query(StudioReads::revision)
            .list());
  }

  /**
   * Revisions of an item and of its lessons, newest first (by time, then number), one page by key:
   * pass the previous page's {@code next} as {@code cursor}.
   */
  @Transactional(readOnly = true)
  public KeysetPage<StudioRevision> revisions(UUID itemId, UUID viewerId, String cursor, int size) {
    requireEditable(authorOf(itemId), viewerId);
    int limit = Math.max(1, Math.min(size, MAX_PAGE));
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, item_id, target_id, number, title, author_id, note, created_at FROM"
                + " content_revision WHERE item_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(itemId);
    Cursor after = Cursor.decode(cursor).orElse(null);
    Integer afterNumber =
        after == null
            ? null
            : jdbc.sql("SELECT number FROM content_revision WHERE id = ? AND item_id = ?")
                .params(after.id(), itemId)
                .query(Integer.class)
                .optional()
                .orElse(null);
    if (after != null && afterNumber != null) {
      // The same order as below: (created_at, number, id) strictly after the cursor's revision.
      sql.append(
          " AND (created_at < ? OR (created_at = ? AND (number < ? OR (number = ? AND id < ?))))");
      params.add(ts(after.at()));
      params.add(ts(after.at()));
      params.add(afterNumber);
      params.add(afterNumber);
      params.add(after.id());
    }
    sql.append(" ORDER BY created_at DESC, number DESC, id DESC LIMIT ?");
    params.add(limit + 1);
    List<StudioRevision> rows =
        named(jdbc.sql(sql.toString()).params(params).query(StudioReads::revision).list());
    return KeysetPage.of(rows, limit, r -> new Cursor(r.createdAt(), r.id()));
  }

  /** A revision against the current title and text of its item or lesson. */
  @Transactional(readOnly = true)
  public StudioDiff diff(UUID revisionId, UUID viewerId) {
    record Old(StudioRevision revision, String bodyMd) {}
    Old old =
        jdbc.sql(
                "SELECT id, item_id, target_id, number, title, author_id, note, created_at, body_md"
                    + " FROM content_revision WHERE id = ?")
            .param(revisionId)
            .query((rs, n) -> new Old(revision(rs, n), rs.getString("body_md")))
            .optional()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    requireEditable(authorOf(old.revision().itemId()), viewerId);
    String table = old.revision().ofLesson() ? "content_lesson" : "content_item";
    record Current(String title, String bodyMd) {}
    Current current =
        jdbc.sql("SELECT title, body_md FROM " + table + " WHERE id = ?")
            .param(old.revision().targetId())
            .query((rs, n) -> new Current(rs.getString(1), rs.getString(2)))
            .optional()
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    int latest =
        jdbc.sql("SELECT COALESCE(MAX(number), 0) FROM content_revision WHERE target_id = ?")
            .param(old.revision().targetId())
            .query(Integer.class)
            .single();
    StudioRevision revision = named(List.of(old.revision())).get(0);
    return new StudioDiff(
        revision,
        old.revision().title(),
        current.title(),
        RevisionDiff.lines(old.bodyMd(), current.bodyMd()),
        latest);
  }

  private static StudioRevision revision(ResultSet rs, int n) throws SQLException {
    String note = rs.getString("note");
    Integer restoredFrom = null;
    if (note != null) {
      Matcher m = RESTORED.matcher(note);
      if (m.matches()) {
        restoredFrom = Integer.valueOf(m.group(1));
        note = null;
      }
    }
    return new StudioRevision(
        uuid(rs, "id"),
        uuid(rs, "item_id"),
        uuid(rs, "target_id"),
        rs.getInt("number"),
        rs.getString("title"),
        uuid(rs, "author_id"),
        null,
        instant(rs, "created_at"),
        restoredFrom,
        note);
  }

  // Helpers

  private StudioItem item(ResultSet rs, int n) throws SQLException {
    return new StudioItem(
        uuid(rs, "id"),
        ContentKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("slug"),
        ContentStatus.valueOf(rs.getString("status")),
        uuid(rs, "author_id"),
        null,
        instant(rs, "updated_at"),
        instant(rs, "published_at"),
        rs.getString("review_note"));
  }

  private List<StudioItem> named(List<StudioItem> rows) {
    Map<UUID, String> names = names(rows.stream().map(StudioItem::authorId).toList());
    return rows.stream()
        .map(
            r ->
                new StudioItem(
                    r.id(),
                    r.kind(),
                    r.title(),
                    r.slug(),
                    r.status(),
                    r.authorId(),
                    names.getOrDefault(r.authorId(), "?"),
                    r.updatedAt(),
                    r.publishedAt(),
                    r.reviewNote()))
        .toList();
  }

  private List<StudioRevision> named(Collection<StudioRevision> rows) {
    Map<UUID, String> names = names(rows.stream().map(StudioRevision::authorId).toList());
    return rows.stream()
        .map(
            r ->
                new StudioRevision(
                    r.id(),
                    r.itemId(),
                    r.targetId(),
                    r.number(),
                    r.title(),
                    r.authorId(),
                    names.getOrDefault(r.authorId(), "?"),
                    r.createdAt(),
                    r.restoredFrom(),
                    r.note()))
        .toList();
  }

  private Map<UUID, String> names(Collection<UUID> ids) {
    Set<AccountId> accounts = new HashSet<>();
    ids.forEach(id -> accounts.add(new AccountId(id)));
    Map<UUID, String> names = new LinkedHashMap<>();
    identity.findAll(accounts).forEach((id, a) -> names.put(id.value(), a.displayName()));
    return names;
  }

  private UUID authorOf(UUID itemId) {
    return jdbc.sql("SELECT author_id FROM content_item WHERE id = ?")
        .param(itemId)
        .query(UUID.class)
        .optional()
        .orElseThrow(() -> DomainException.notFound("content.not-found"));
  }

  /** The item a target (an item or a lesson) belongs to. */
  private UUID itemOf(UUID targetId) {
    return jdbc
        .sql(
            "SELECT id FROM content_item WHERE id = ? UNION ALL SELECT course_id FROM"
                + " content_lesson WHERE id = ?")
        .params(targetId, targetId)
        .query(UUID.class)
        .list()
        .stream()
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("content.not-found"));
  }

  private void requireEditable(UUID authorId, UUID viewerId) {
    if (!authorId.equals(viewerId) && !roles(viewerId).contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.not-yours");
    }
  }

  private void requireOwner(UUID viewerId) {
    if (!roles(viewerId).contains(Role.OWNER)) {
      throw DomainException.forbidden("content.error.owner-only");
    }
  }

  private Set<Role> roles(UUID accountId) {
    return accountId == null
        ? Set.of()
        : identity.find(new AccountId(accountId)).map(AccountSummary::roles).orElse(Set.of());
  }
}
