package org.guildhall.content;

import java.util.UUID;

/**
 * Which items the studio lists: by author (the owner only; an expert always sees their own), state
 * and kind; null means any.
 */
public record StudioFilter(UUID authorId, ContentStatus status, ContentKind kind) {

  public static final StudioFilter ALL = new StudioFilter(null, null, null);
}
