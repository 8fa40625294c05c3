package org.guildhall.content.internal;

import java.time.Instant;
import java.util.UUID;
import org.guildhall.content.MediaKind;

/**
 * A row of {@code content_media}: where the bytes are and what they are. {@code thumbKey}, when
 * set, is the prefix of the thumbnails' keys ({@code <thumbKey>-320.jpg}, {@code -960.jpg}).
 */
public record MediaRow(
    UUID id,
    UUID ownerId,
    MediaKind kind,
    String contentType,
    long sizeBytes,
    String originalName,
    String storageKey,
    String thumbKey,
    Integer width,
    Integer height,
    Instant createdAt) {

  /** The key of the thumbnail {@code width} pixels wide, or null if the image has none. */
  public String thumbnailKey(int width) {
    return thumbKey == null ? null : thumbKey + "-" + width + ".jpg";
  }
}
