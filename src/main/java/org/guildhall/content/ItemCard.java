package org.guildhall.content;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * An item as lists show it (catalog, home page, search hits, a column's articles), decided for one
 * reader.
 *
 * @param locked the reader may not read the item's body (they see its title and excerpt)
 * @param earlyAccess the item is not public yet; the reader sees it early through their tier
 * @param lessons a course's lesson count (0 for other kinds)
 * @param tierName for a members' item, the lowest tier that may read it; for a sold item, the
 *     lowest tier that has it included (null otherwise)
 */
public record ItemCard(
    UUID id,
    ContentKind kind,
    String slug,
    String title,
    String excerpt,
    String coverUrl,
    String lang,
    Instant publishedAt,
    ContentAccess access,
    int minTierRank,
    Money price,
    Integer durationSeconds,
    int lessons,
    boolean locked,
    boolean earlyAccess,
    String tierName) {

  public String path() {
    return "/" + kind.path() + "/" + slug;
  }
}
