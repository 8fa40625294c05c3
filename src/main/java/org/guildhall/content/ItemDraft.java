package org.guildhall.content;

import java.util.List;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * What an author writes and sets on an item. Null {@code slug} makes one from the title; {@code
 * excerpt} left blank is taken from the body. {@code columnId} puts an article in a column (it then
 * reads by the column's access); {@code mediaId} is the audio or video of an audio, video or replay
 * item.
 */
public record ItemDraft(
    String title,
    String slug,
    String lang,
    String excerpt,
    String bodyMd,
    String categorySlug,
    List<String> tags,
    UUID columnId,
    UUID coverMediaId,
    UUID mediaId,
    Integer durationSeconds,
    ContentAccess access,
    int minTierRank,
    Money price) {

  public ItemDraft {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** A public draft with just a title and a body. */
  public static ItemDraft of(String title, String lang, String bodyMd) {
    return new ItemDraft(
        title,
        null,
        lang,
        "",
        bodyMd,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        ContentAccess.PUBLIC,
        0,
        null);
  }
}
