package org.guildhall.content;

import java.util.Locale;

/**
 * What an uploaded file is, decided from its bytes: each kind has its own size limit and its own
 * way of being served (images publicly, everything else only through signed links).
 */
public enum MediaKind {
  /** PNG, JPEG, GIF or WebP; public at {@code /media/i/{id}}, with JPEG thumbnails. */
  IMAGE,
  /** MP3, M4A or Ogg; served inline through signed links. */
  AUDIO,
  /** MP4 or WebM; served inline through signed links. */
  VIDEO,
  /** PDF or ZIP; downloaded as an attachment through signed links. */
  FILE;

  /** The kind in lower case, as used in message keys ({@code media.kind.audio}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
