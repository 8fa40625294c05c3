package org.guildhall.content.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The uploads an author may put into an item or a lesson: the studio's forms offer them as choices,
 * and the studio accepts only media ids that belong to the item's author or to the person editing.
 * Backed by the media library ({@code MediaApi}, {@code content_media}); until that is wired in,
 * {@link NoMediaChoices} offers nothing and accepts nothing new.
 */
public interface MediaChoices {

  /** What an upload is, as far as the studio cares. */
  enum Kind {
    IMAGE,
    AUDIO,
    VIDEO,
    FILE
  }

  /**
   * One upload as a form offers it.
   *
   * @param url where an image is shown (for Markdown {@code ![alt](url)}), or null for other kinds
   */
  record Choice(UUID id, Kind kind, String name, String url) {}

  /** The account's uploads of the given kinds, newest first (an empty set: every kind). */
  List<Choice> mine(UUID ownerId, Set<Kind> kinds);

  /** Whether the upload belongs to the account. */
  boolean owns(UUID ownerId, UUID mediaId);
}
