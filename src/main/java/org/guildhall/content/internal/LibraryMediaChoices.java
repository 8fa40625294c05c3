package org.guildhall.content.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaKind;
import org.guildhall.content.MediaView;
import org.springframework.stereotype.Component;

/**
 * The studio's upload choices from the media library: an author's newest {@value #LIMIT} uploads
 * (older ones stay reachable by pasting their Markdown from the library page).
 */
@Component
class LibraryMediaChoices implements MediaChoices {

  static final int LIMIT = 100;

  private final MediaApi media;

  LibraryMediaChoices(MediaApi media) {
    this.media = media;
  }

  @Override
  public List<Choice> mine(UUID ownerId, Set<MediaKind> kinds) {
    List<Choice> choices = new ArrayList<>();
    String after = null;
    do {
      var page = media.listByOwner(ownerId, after, 50);
      for (MediaView m : page.items()) {
        if (kinds.isEmpty() || kinds.contains(m.kind())) {
          choices.add(
              new Choice(
                  m.id(),
                  m.kind(),
                  m.originalName(),
                  m.isImage() ? media.thumbnailUrl(m.id(), MediaApi.THUMB_LARGE) : null));
        }
      }
      after = page.next();
    } while (after != null && choices.size() < LIMIT);
    return choices.size() > LIMIT ? choices.subList(0, LIMIT) : choices;
  }

  @Override
  public boolean owns(UUID ownerId, UUID mediaId) {
    return mediaId != null
        && media.find(mediaId).map(m -> m.ownerId().equals(ownerId)).orElse(false);
  }
}
