package org.guildhall.content.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guildhall.content.MediaKind;

/**
 * The uploads an author may put into an item or a lesson: the studio's forms offer them as choices,
 * and the studio accepts only media ids that belong to the item's author or to the person editing.
 * Backed by the media library ({@link LibraryMediaChoices}).
 */
public interface MediaChoices {

  /**
   * One upload as a form offers it.
   *
   * @param url where an image is shown (for Markdown {@code ![alt](url)}), or null for other kinds
   */
  record Choice(UUID id, MediaKind kind, String name, String url) {}

  /** The account's uploads of the given kinds, newest first (an empty set: every kind). */
  List<Choice> mine(UUID ownerId, Set<MediaKind> kinds);

  /** Whether the upload belongs to the account. */
  boolean owns(UUID ownerId, UUID mediaId);
}
