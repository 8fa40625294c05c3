package org.guildhall.content;

import java.time.Instant;
import java.util.UUID;

/**
 * One saved version of an item's or a lesson's text.
 *
 * @param targetId the item or the lesson whose text it is
 * @param restoredFrom the number of the revision it brought back, when it was a restore
 * @param note what the author said about the change, or null
 */
public record StudioRevision(
    UUID id,
    UUID itemId,
    UUID targetId,
    int number,
    String title,
    UUID authorId,
    String authorName,
    Instant createdAt,
    Integer restoredFrom,
    String note) {

  /** True for a lesson's revision (its target is a lesson of the course). */
  public boolean ofLesson() {
    return !itemId.equals(targetId);
  }
}
