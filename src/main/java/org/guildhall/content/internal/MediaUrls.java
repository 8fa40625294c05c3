package org.guildhall.content.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;

/** Where pages point for an item's pictures and media. */
@Component
class MediaUrls {

  /** A public picture (cover, inline image), resized to {@code width} (320 or 960). */
  String image(UUID mediaId, int width) {
    return mediaId == null ? null : "/media/i/" + mediaId + "?w=" + width;
  }
}
