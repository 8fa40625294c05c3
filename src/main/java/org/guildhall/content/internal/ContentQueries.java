package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.ContentKind;
import org.guildhall.content.LessonKind;
import org.guildhall.shared.paging.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads that pages run, each one indexed statement. "Visible" means published, or scheduled
 * within the reader's early-access horizon ({@code now + earlyAccessDays}).
 */
@Component
class ContentQueries {

  static final String VISIBLE = "i.status IN ('PUBLISHED', 'SCHEDULED') AND i.published_at <= ?";

  private final JdbcClient jdbc;
  private final com.github.benmanes.caffeine.cache.Cache<String, List<CategoryRow>> categories =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
          .expireAfterWrite(java.time.Duration.ofMinutes(1))
          .build();

  ContentQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An item with its rendered body and preview. */
  record ItemText(ItemRow row, String bodyHtml, String previewHtml) {}

  Optional<ItemText> page(String slug) {
    return jdbc.sql(
            "SELECT "
                + ItemRow.COLUMNS
                + ", i.body_html, i.preview_html FROM content_item i"
                + " WHERE i.slug = ?")
        .param(slug)
        .query(
            (rs, n) ->
                new ItemText(
                    ItemRow.map(rs, n), rs.getString("body_html"), rs.getString("preview_html")))
        .optional();
  }

  /** An item without its text (for a lesson's course). */
  Optional<ItemRow> row(String slug) {
    return jdbc.sql("SELECT " + ItemRow.COLUMNS + " FROM content_item i WHERE i.slug = ?")
        .param(slug)
        .query(ItemRow::map)
        .optional();
  }

  Optional<ItemRow> row(UUID id) {
    return jdbc.sql("SELECT " + ItemRow.COLUMNS + " FROM content_item i WHERE i.id = ?")
        .param(id)
        .query(ItemRow::map)
        .optional();
  }

  /** What a catalog page lists: all kinds, or one; in a category or with a tag; newest first. */
  record Filter(ContentKind kind, UUID categoryId, UUID tagId, String lang) {
    static final Filter ALL = new Filter(null, null, null, null);
  }

  /** One page (plus one row, to tell whether there is a next) of visible items, newest first. */
  List<ItemRow> list(Filter filter, Instant horizon, Cursor after, int limit) {
    StringBuilder sql =
        new StringBuilder("SELECT " + ItemRow.COLUMNS + " FROM content_item i WHERE " + VISIBLE);
    List<Object> params = new ArrayList<>();
    params.add(ts(horizon));
    // An article in a column is listed with its column, not by itself.
    sql.append(" AND i.column_id IS NULL");
    if (filter.kind() != null) {
      sql.append(" AND i.kind = ?");
      params.add(filter.kind().name());
    }
    if (filter.categoryId() != null) {
      sql.append(" AND i.category_id = ?");
      params.add(filter.categoryId());
    }
    if (filter.tagId() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM content_item_tag t WHERE t.item_id = i.id AND t.tag_id = ?)");
      params.add(filter.tagId());
    }
    if (filter.lang() != null) {
      sql.append(" AND i.lang = ?");
      params.add(filter.lang());
    }
    if (after != null) {
      sql.append(" AND (i.published_at < ? OR (i.published_at = ? AND i.id < ?))");
      params.add(ts(after.at()));
      params.add(ts(after.at()));
      params.add(after.id());
    }
    sql.append(" ORDER BY i.published_at DESC, i.id DESC LIMIT ?");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(ItemRow::map).list();
  }

  /** Visible items published since {@code since}, newest first. */
  List<ItemRow> since(Instant since, Instant horizon, int limit) {
    return jdbc.sql(
            "SELECT "
                + ItemRow.COLUMNS
                + " FROM content_item i WHERE "
                + VISIBLE
                + " AND i.published_at >= ? AND i.column_id IS NULL"
                + " ORDER BY i.published_at DESC, i.id DESC LIMIT ?")
        .params(ts(horizon), ts(since), limit)
        .query(ItemRow::map)
        .list();
  }

  /** The most enrolled and viewed visible items. */
  List<ItemRow> popular(Instant horizon, int limit) {
    return jdbc.sql(
            "SELECT "
                + ItemRow.COLUMNS
                + " FROM content_item i WHERE "
                + VISIBLE
                + " AND i.column_id IS NULL ORDER BY i.enrolments DESC, i.views DESC, i.id"
                + " LIMIT ?")
        .params(ts(horizon), limit)
        .query(ItemRow::map)
        .list();
  }

  /** A column's visible articles, oldest first (a series reads in order). */
  List<ItemRow> columnArticles(UUID columnId, Instant horizon) {
    return jdbc.sql(
            "SELECT "
                + ItemRow.COLUMNS
                + " FROM content_item i WHERE i.column_id = ? AND "
                + VISIBLE
                + " ORDER BY i.published_at, i.id")
        .params(columnId, ts(horizon))
        .query(ItemRow::map)
        .list();
  }

  /** Items by id, in any state (for search hits and "continue learning"). */
  List<ItemRow> rows(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + ItemRow.COLUMNS + " FROM content_item i WHERE i.id IN (:ids)")
        .param("ids", ids)
        .query(ItemRow::map)
        .list();
  }

  /** A lesson as the outline lists it. */
  record OutlineRow(
      UUID sectionId,
      String sectionTitle,
      UUID lessonId,
      String title,
      LessonKind kind,
      Integer durationSeconds,
      boolean preview,
      int dripDays) {}

  /** A course's sections and lessons in order, in one statement (sections without lessons too). */
  List<OutlineRow> outline(UUID courseId) {
    return jdbc.sql(
            "SELECT s.id AS section_id, s.title AS section_title, l.id AS lesson_id, l.title,"
                + " l.kind, l.duration_seconds, l.preview, l.drip_days FROM content_section s"
                + " LEFT JOIN content_lesson l ON l.section_id = s.id WHERE s.course_id = ?"
                + " ORDER BY s.position, s.id, l.position, l.id")
        .param(courseId)
        .query(ContentQueries::outlineRow)
        .list();
  }

  private static OutlineRow outlineRow(ResultSet rs, int n) throws SQLException {
    String kind = rs.getString("kind");
    int duration = rs.getInt("duration_seconds");
    Integer durationSeconds = rs.wasNull() ? null : duration;
    return new OutlineRow(
        uuid(rs, "section_id"),
        rs.getString("section_title"),
        uuid(rs, "lesson_id"),
        rs.getString("title"),
        kind == null ? null : LessonKind.valueOf(kind),
        durationSeconds,
        rs.getBoolean("preview"),
        rs.getInt("drip_days"));
  }

  /** A lesson's text and media. */
  record LessonText(UUID id, UUID courseId, String bodyHtml, UUID mediaId) {}

  Optional<LessonText> lesson(UUID lessonId) {
    return jdbc.sql("SELECT id, course_id, body_html, media_id FROM content_lesson WHERE id = ?")
        .param(lessonId)
        .query(
            (rs, n) ->
                new LessonText(
                    uuid(rs, "id"),
                    uuid(rs, "course_id"),
                    rs.getString("body_html"),
                    uuid(rs, "media_id")))
        .optional();
  }

  List<UUID> attachments(UUID lessonId) {
    return jdbc.sql("SELECT media_id FROM content_attachment WHERE lesson_id = ? ORDER BY position")
        .param(lessonId)
        .query(UUID.class)
        .list();
  }

  /** A category as pages name it. */
  record CategoryRow(UUID id, String slug, String nameEn, String nameZh) {
    String name(boolean chinese) {
      return chinese ? nameZh : nameEn;
    }
  }

  /**
   * Categories in their order; they change rarely (only an owner's data fix or the demo seeding),
   * so every page shares one read a minute.
   */
  List<CategoryRow> categories() {
    List<CategoryRow> cached = categories.getIfPresent("all");
    if (cached != null) {
      return cached;
    }
    List<CategoryRow> read = readCategories();
    if (!read.isEmpty()) { // an empty list may be a community still being seeded
      categories.put("all", read);
    }
    return read;
  }

  private List<CategoryRow> readCategories() {
    return jdbc.sql(
            "SELECT id, slug, name_en, name_zh FROM content_category ORDER BY position, slug")
        .query(
            (rs, n) ->
                new CategoryRow(
                    uuid(rs, "id"),
                    rs.getString("slug"),
                    rs.getString("name_en"),
                    rs.getString("name_zh")))
        .list();
  }

  Optional<UUID> tagId(String slug) {
    return jdbc.sql("SELECT id FROM content_tag WHERE slug = ?")
        .param(slug)
        .query(UUID.class)
        .optional();
  }

  List<org.guildhall.content.ItemPage.TagView> tagsOf(UUID itemId) {
    return jdbc.sql(
            "SELECT t.slug, t.name FROM content_item_tag it JOIN content_tag t ON t.id = it.tag_id"
                + " WHERE it.item_id = ? ORDER BY t.name")
        .param(itemId)
        .query(
            (rs, n) -> new org.guildhall.content.ItemPage.TagView(rs.getString(1), rs.getString(2)))
        .list();
  }
}
