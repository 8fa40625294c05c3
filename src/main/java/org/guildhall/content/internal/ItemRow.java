package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.membership.AccessRule;
import org.guildhall.shared.Money;

/** An item's columns as list and page queries read them (without its Markdown). */
record ItemRow(
    UUID id,
    ContentKind kind,
    String slug,
    String lang,
    String title,
    String excerpt,
    UUID coverMediaId,
    UUID mediaId,
    Integer durationSeconds,
    UUID categoryId,
    UUID columnId,
    UUID authorId,
    ContentStatus status,
    Instant publishedAt,
    ContentAccess access,
    int minTierRank,
    Money price,
    int lessons) {

  /** The columns {@link #map} reads, for {@code SELECT} lists over {@code content_item i}. */
  static final String COLUMNS =
      "i.id, i.kind, i.slug, i.lang, i.title, i.excerpt, i.cover_media_id, i.media_id,"
          + " i.duration_seconds, i.category_id, i.column_id, i.author_id, i.status,"
          + " i.published_at, i.access, i.min_tier_rank, i.price_minor, i.currency,"
          + " (SELECT COUNT(*) FROM content_lesson l WHERE l.course_id = i.id) AS lessons";

  static ItemRow map(ResultSet rs, int row) throws SQLException {
    long price = rs.getLong("price_minor");
    boolean priced = !rs.wasNull();
    int duration = rs.getInt("duration_seconds");
    Integer durationSeconds = rs.wasNull() ? null : duration;
    return new ItemRow(
        uuid(rs, "id"),
        ContentKind.valueOf(rs.getString("kind")),
        rs.getString("slug"),
        rs.getString("lang"),
        rs.getString("title"),
        rs.getString("excerpt"),
        uuid(rs, "cover_media_id"),
        uuid(rs, "media_id"),
        durationSeconds,
        uuid(rs, "category_id"),
        uuid(rs, "column_id"),
        uuid(rs, "author_id"),
        ContentStatus.valueOf(rs.getString("status")),
        instant(rs, "published_at"),
        ContentAccess.valueOf(rs.getString("access")),
        rs.getInt("min_tier_rank"),
        priced ? Money.of(price, rs.getString("currency").trim()) : null,
        rs.getInt("lessons"));
  }

  ItemRef ref() {
    return ContentRules.ref(kind, id);
  }

  /** The access policy's rule for this item's body (a column's articles use the column's rule). */
  AccessRule rule() {
    return ContentRules.rule(kind, id, access, minTierRank, authorId);
  }
}
