package org.guildhall.content;

import java.time.Instant;
import java.util.UUID;

/**
 * An item as the studio lists it.
 *
 * @param publishedAt when it was or will be published (null while never approved)
 * @param reviewNote the owner's note when it was sent back, else null
 */
public record StudioItem(
    UUID id,
    ContentKind kind,
    String title,
    String slug,
    ContentStatus status,
    UUID authorId,
    String authorName,
    Instant updatedAt,
    Instant publishedAt,
    String reviewNote) {

  /** Where readers find it. */
  public String path() {
    return "/" + kind.path() + "/" + slug;
  }
}
