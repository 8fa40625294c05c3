package org.guildhall.content;

import java.util.Locale;

/** The kinds of content item; each has its own page path and, when sold, its own item kind. */
public enum ContentKind {
  COURSE("courses"),
  ARTICLE("articles"),
  COLUMN("columns"),
  AUDIO("audio"),
  VIDEO("video"),
  REPLAY("replays");

  private final String path;

  ContentKind(String path) {
    this.path = path;
  }

  /** The path segment of this kind's pages: {@code /courses/{slug}}. */
  public String path() {
    return path;
  }

  /** The kind commerce knows the item by ({@code course/<id>}). */
  public String itemKind() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Kinds whose item plays a media file of its own. */
  public boolean isMedia() {
    return this == AUDIO || this == VIDEO || this == REPLAY;
  }

  public static java.util.Optional<ContentKind> ofItemKind(String kind) {
    for (ContentKind k : values()) {
      if (k.itemKind().equals(kind)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
