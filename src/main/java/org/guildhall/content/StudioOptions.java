package org.guildhall.content;

import java.util.List;
import java.util.UUID;

/**
 * The choices an item's form offers: categories, columns (for articles), tiers (by rank) and the
 * author's uploads.
 */
public record StudioOptions(
    List<Option> categories, List<Option> columns, List<Tier> tiers, List<Media> media) {

  public StudioOptions {
    categories = List.copyOf(categories);
    columns = List.copyOf(columns);
    tiers = List.copyOf(tiers);
    media = List.copyOf(media);
  }

  public record Option(String value, String label) {}

  public record Tier(int rank, String name) {}

  /**
   * An upload.
   *
   * @param kind IMAGE, AUDIO, VIDEO or FILE
   * @param url where an image is shown (null for other kinds)
   */
  public record Media(UUID id, String kind, String name, String url) {}
}
