package org.guildhall.content.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The stand-in until the media library is wired in: no uploads to choose, and no media id other
 * than the one an item already has is accepted. Replace it with an implementation over {@code
 * MediaApi} (or mark that one {@code @Primary}).
 */
@Component
class NoMediaChoices implements MediaChoices {

  @Override
  public List<Choice> mine(UUID ownerId, Set<Kind> kinds) {
    return List.of();
  }

  @Override
  public boolean owns(UUID ownerId, UUID mediaId) {
    return false;
  }
}
