package org.guildhall.content.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.MediaKind;
import org.guildhall.shared.paging.Cursor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code content_media} table. */
@Component
class MediaStore {

  private static final String COLUMNS =
      "id, owner_id, kind, content_type, size_bytes, original_name, storage_key, thumb_key, width,"
          + " height, created_at";

  private final JdbcClient jdbc;

  MediaStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(MediaRow row) {
    jdbc.sql(
            "INSERT INTO content_media ("
                + COLUMNS
                + ") VALUES (:id, :owner, :kind, :type, :size, :name, :key, :thumb, :width,"
                + " :height, :created)")
        .param("id", row.id())
        .param("owner", row.ownerId())
        .param("kind", row.kind().name())
        .param("type", row.contentType())
        .param("size", row.sizeBytes())
        .param("name", row.originalName())
        .param("key", row.storageKey())
        .param("thumb", row.thumbKey())
        .param("width", row.width())
        .param("height", row.height())
        .param("created", ts(row.createdAt()))
        .update();
  }

  Optional<MediaRow> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_media WHERE id = :id")
        .param("id", id)
        .query(MediaStore::row)
        .optional();
  }

  /** The rows with these ids that exist, in one statement. */
  List<MediaRow> findAll(java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM content_media WHERE id IN (:ids)")
        .param("ids", ids)
        .query(MediaStore::row)
        .list();
  }

  /** An owner's media, newest first, strictly after {@code after} if given. */
  List<MediaRow> byOwner(UUID ownerId, Cursor after, int limit) {
    String keyset =
        after == null ? "" : " AND (created_at < :at OR (created_at = :at AND id < :after))";
    var spec =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM content_media WHERE owner_id = :owner"
                    + keyset
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit")
            .param("owner", ownerId)
            .param("limit", limit);
    if (after != null) {
      spec = spec.param("at", ts(after.at())).param("after", after.id());
    }
    return spec.query(MediaStore::row).list();
  }

  private static MediaRow row(ResultSet rs, int n) throws SQLException {
    return new MediaRow(
        uuid(rs, "id"),
        uuid(rs, "owner_id"),
        MediaKind.valueOf(rs.getString("kind")),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("original_name"),
        rs.getString("storage_key"),
        rs.getString("thumb_key"),
        rs.getObject("width", Integer.class),
        rs.getObject("height", Integer.class),
        instant(rs, "created_at"));
  }
}
