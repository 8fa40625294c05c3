package org.guildhall.content.web;

import java.util.List;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.StudioOptions;

/** Small helpers the studio's templates call. */
public final class StudioView {

  /** The kinds in the order of the "New" menu. */
  public static final List<ContentKind> KINDS = List.of(ContentKind.values());

  public static final List<ContentStatus> STATUSES = List.of(ContentStatus.values());

  private StudioView() {}

  public static String badge(ContentStatus status) {
    return switch (status) {
      case DRAFT -> "badge--neutral";
      case IN_REVIEW -> "badge--warning";
      case SCHEDULED -> "badge--brand";
      case PUBLISHED -> "badge--success";
      case ARCHIVED -> "badge--danger";
    };
  }

  /** The kind's name in URLs ({@code ?kind=course}). */
  public static String param(ContentKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether {@code id} is one of the offered uploads (else the form keeps it as "current"). */
  public static boolean offered(List<StudioOptions.Media> media, String id) {
    return id == null || id.isBlank() || media.stream().anyMatch(m -> m.id().toString().equals(id));
  }

  public static List<StudioOptions.Media> ofKind(List<StudioOptions.Media> media, String... kinds) {
    List<String> wanted = List.of(kinds);
    return media.stream().filter(m -> wanted.contains(m.kind())).toList();
  }

  public static String duration(Integer seconds) {
    return StudioFields.duration(seconds);
  }
}
