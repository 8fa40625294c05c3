package org.guildhall.content.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.StudioAction;
import org.guildhall.content.StudioItemDetail;
import org.guildhall.shared.Money;

/**
 * An item's form as typed: every value a string, so that what was typed comes back unchanged next
 * to its error. Prices are in major units (yuan); {@code tierRank} is the lowest tier for member
 * items, {@code includedRank} the lowest tier that has a sold item included (0: none); {@code
 * publishAt} is a local date and time in the viewer's zone. {@code overwriteVersion} is set by
 * "save mine anyway" after a conflict.
 */
public record StudioItemForm(
    String kind,
    String title,
    String slug,
    String lang,
    String excerpt,
    String bodyMd,
    String categorySlug,
    String tags,
    String columnId,
    String coverMediaId,
    String mediaId,
    String duration,
    String access,
    String tierRank,
    String includedRank,
    String price,
    String note,
    String version,
    String overwriteVersion,
    String action,
    String publishAt) {

  public static StudioItemForm blank(ContentKind kind, String lang) {
    return new StudioItemForm(
        kind.name(),
        "",
        "",
        lang,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "PUBLIC",
        "1",
        "0",
        "",
        "",
        "",
        "",
        "save",
        "");
  }

  public static StudioItemForm of(StudioItemDetail d, ZoneId zone) {
    String rank = Integer.toString(d.minTierRank());
    return new StudioItemForm(
        d.kind().name(),
        d.title(),
        d.slug(),
        d.lang(),
        d.excerpt(),
        d.bodyMd(),
        d.categorySlug() == null ? "" : d.categorySlug(),
        String.join(", ", d.tags()),
        d.columnId() == null ? "" : d.columnId().toString(),
        d.coverMediaId() == null ? "" : d.coverMediaId().toString(),
        d.mediaId() == null ? "" : d.mediaId().toString(),
        StudioFields.duration(d.durationSeconds()),
        d.access().name(),
        d.access() == ContentAccess.MEMBERS ? rank : "1",
        d.access() == ContentAccess.PURCHASE ? rank : "0",
        StudioFields.price(d.price()),
        "",
        Long.toString(d.version()),
        "",
        "save",
        d.publishedAt() == null ? "" : StudioFields.local(d.publishedAt(), zone));
  }

  /** What the form says, read; {@code errors} holds what could not be read. */
  public record Parsed(
      ItemDraft draft, StudioAction action, Instant at, Long version, Map<String, String> errors) {}

  public Parsed parse(Currency currency, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    ContentAccess chosen = accessOrPublic();
    int members = StudioFields.whole(tierRank, 0, 1000, "tierRank", "content.error.rank", errors);
    int included =
        StudioFields.whole(includedRank, 0, 1000, "includedRank", "content.error.rank", errors);
    Money money =
        chosen == ContentAccess.PURCHASE
            ? StudioFields.price(price, currency, "price", errors)
            : null;
    ItemDraft draft =
        new ItemDraft(
            StudioFields.text(title),
            slug == null || slug.isBlank() ? null : slug.strip(),
            lang == null || lang.isBlank() ? null : lang.strip(),
            StudioFields.text(excerpt),
            StudioFields.text(bodyMd),
            categorySlug == null || categorySlug.isBlank() ? null : categorySlug.strip(),
            StudioFields.tags(tags),
            StudioFields.uuid(columnId, "columnId", "content.error.column", errors),
            StudioFields.uuid(
                coverMediaId, "coverMediaId", "content.error.media-not-yours", errors),
            StudioFields.uuid(mediaId, "mediaId", "content.error.media-not-yours", errors),
            StudioFields.duration(duration, "duration", errors),
            chosen,
            switch (chosen) {
              case PUBLIC -> 0;
              case MEMBERS -> members;
              case PURCHASE -> included;
            },
            money);
    StudioAction step = step();
    Instant at =
        step == StudioAction.SCHEDULE
            ? StudioFields.instant(publishAt, zone, "publishAt", errors)
            : null;
    String v = overwriteVersion != null && !overwriteVersion.isBlank() ? overwriteVersion : version;
    return new Parsed(draft, step, at, StudioFields.version(v), errors);
  }

  public ContentAccess accessOrPublic() {
    try {
      return access == null ? ContentAccess.PUBLIC : ContentAccess.valueOf(access);
    } catch (IllegalArgumentException e) {
      return ContentAccess.PUBLIC;
    }
  }

  public StudioAction step() {
    try {
      return action == null || action.isBlank()
          ? StudioAction.SAVE
          : StudioAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return StudioAction.SAVE;
    }
  }
}
