package org.guildhall.content;

import java.time.Instant;
import java.util.UUID;

/** What the content module tells others. Events carry ids and values, never entities. */
public final class ContentEvents {

  private ContentEvents() {}

  /** An item became public (at once, or its scheduled time came). */
  public record ItemPublished(UUID itemId, ContentKind kind, UUID authorId, Instant at) {}

  /** An author asked the owner to review an item. */
  public record ItemSubmitted(UUID itemId, UUID authorId, String title, Instant at) {}

  /** The owner sent an item back to its author with a note. */
  public record ItemRejected(UUID itemId, UUID authorId, String note, Instant at) {}
}
