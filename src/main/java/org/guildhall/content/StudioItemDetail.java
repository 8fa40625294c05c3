package org.guildhall.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * Everything an author edits on an item, as stored, with its state and the row version a save must
 * name (optimistic locking: a form opened before someone else saved is refused, not merged).
 */
public record StudioItemDetail(
    UUID id,
    ContentKind kind,
    String title,
    String slug,
    String lang,
    String excerpt,
    String bodyMd,
    String categorySlug,
    List<String> tags,
    UUID columnId,
    UUID coverMediaId,
    UUID mediaId,
    Integer durationSeconds,
    ContentAccess access,
    int minTierRank,
    Money price,
    ContentStatus status,
    Instant publishedAt,
    String reviewNote,
    UUID authorId,
    String authorName,
    long version,
    Instant updatedAt) {

  public StudioItemDetail {
    tags = List.copyOf(tags);
  }

  /** Where readers find it. */
  public String path() {
    return "/" + kind.path() + "/" + slug;
  }

  /** Once public, the address stays (links and search point to it). */
  public boolean slugFixed() {
    return status == ContentStatus.PUBLISHED || status == ContentStatus.ARCHIVED;
  }

  /** The stored values as a draft, for an update that changes only some of them. */
  public ItemDraft toDraft() {
    return new ItemDraft(
        title,
        slug,
        lang,
        excerpt,
        bodyMd,
        categorySlug,
        tags,
        columnId,
        coverMediaId,
        mediaId,
        durationSeconds,
        access,
        minTierRank,
        price);
  }
}
