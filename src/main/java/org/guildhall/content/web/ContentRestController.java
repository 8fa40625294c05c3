package org.guildhall.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.content.CatalogFilter;
import org.guildhall.content.CategoryView;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentKind;
import org.guildhall.content.CourseOutline;
import org.guildhall.content.ItemCard;
import org.guildhall.content.ItemPage;
import org.guildhall.content.LessonPage;
import org.guildhall.content.MediaLink;
import org.guildhall.membership.AccessDecision;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog, items and lessons over JSON, decided for the caller (a visitor without credentials)
 * by the same access policy as the pages: a refused body comes back as its free preview, with the
 * ways in.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Content", description = "Catalog, items, lessons and categories")
class ContentRestController {

  private final ContentApi content;

  ContentRestController(ContentApi content) {
    this.content = content;
  }

  record PriceJson(long minor, String currency) {
    static PriceJson of(Money money) {
      return money == null
          ? null
          : new PriceJson(money.minor(), money.currency().getCurrencyCode());
    }
  }

  record CardJson(
      UUID id,
      String kind,
      String slug,
      String path,
      String title,
      String excerpt,
      String coverUrl,
      String lang,
      Instant publishedAt,
      String access,
      int minTierRank,
      PriceJson price,
      Integer durationSeconds,
      int lessons,
      boolean locked,
      boolean earlyAccess,
      String tier) {
    static CardJson of(ItemCard c) {
      return new CardJson(
          c.id(),
          c.kind().itemKind(),
          c.slug(),
          c.path(),
          c.title(),
          c.excerpt(),
          c.coverUrl(),
          c.lang(),
          c.publishedAt(),
          c.access().name(),
          c.minTierRank(),
          PriceJson.of(c.price()),
          c.durationSeconds(),
          c.lessons(),
          c.locked(),
          c.earlyAccess(),
          c.tierName());
    }
  }

  record WayJson(String kind, String label, PriceJson price, String tier, String path) {}

  record AccessJson(boolean allowed, String reason, List<WayJson> waysIn) {
    static AccessJson of(AccessDecision d) {
      return new AccessJson(
          d.allowed(),
          d.reason().name(),
          d.waysIn().stream()
              .map(
                  w ->
                      new WayJson(
                          w.kind().name(),
                          w.label(),
                          PriceJson.of(w.price()),
                          w.tierSlug(),
                          w.path()))
              .toList());
    }
  }

  record ItemJson(
      CardJson item,
      String status,
      String authorName,
      String category,
      List<String> tags,
      String bodyHtml,
      boolean preview,
      AccessJson access,
      MediaLink media,
      CardJson column,
      List<CardJson> articles,
      CourseOutline outline) {}

  record LessonJson(
      CardJson course,
      UUID id,
      int number,
      String title,
      String kind,
      boolean preview,
      String bodyHtml,
      MediaLink media,
      List<MediaLink> attachments,
      AccessJson access,
      Instant opensAt,
      boolean completed,
      UUID previous,
      UUID next) {}

  @GetMapping("/catalog")
  @Operation(
      summary = "Visible items, newest first, by key",
      description =
          "Filter by kind (course, article, column, audio, video, replay), category and tag; pass"
              + " `after` from the previous page's `next`. Each item says whether the caller may"
              + " read it (`locked`).")
  KeysetPage<CardJson> catalog(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String tag,
      @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int size) {
    ContentKind chosen =
        kind == null
            ? null
            : ContentKind.ofItemKind(kind)
                .orElseThrow(() -> DomainException.invalidField("kind", "content.error.kind"));
    return content
        .catalog(new CatalogFilter(chosen, category, tag, null), after, size, reader(me))
        .map(CardJson::of);
  }

  @GetMapping("/categories")
  @Operation(summary = "Categories in their order")
  List<CategoryView> categories(Locale locale) {
    return content.categories(locale);
  }

  @GetMapping("/items/{kind}/{slug}")
  @Operation(
      summary = "One item, decided for the caller",
      description =
          "A body the caller may not read comes back as its free preview (`preview: true`) with"
              + " the ways in, cheapest first.")
  ItemJson item(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable String kind,
      @PathVariable String slug,
      Locale locale) {
    ContentKind k =
        ContentKind.ofItemKind(kind)
            .orElseThrow(() -> DomainException.notFound("content.not-found"));
    ItemPage p = content.page(k, slug, reader(me), locale);
    return new ItemJson(
        CardJson.of(p.card()),
        p.status().name(),
        p.authorName(),
        p.categorySlug(),
        p.tags().stream().map(ItemPage.TagView::slug).toList(),
        p.bodyHtml(),
        p.locked(),
        AccessJson.of(p.decision()),
        p.media(),
        p.column() == null ? null : CardJson.of(p.column()),
        p.articles().stream().map(CardJson::of).toList(),
        p.outline());
  }

  @GetMapping("/courses/{slug}/lessons/{lessonId}")
  @Operation(summary = "One lesson, decided for the caller (access and drip)")
  LessonJson lesson(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @PathVariable String slug,
      @PathVariable UUID lessonId,
      Locale locale) {
    LessonPage p = content.lesson(slug, lessonId, reader(me), locale);
    return new LessonJson(
        CardJson.of(p.course()),
        p.lessonId(),
        p.number(),
        p.title(),
        p.kind().name(),
        p.preview(),
        p.bodyHtml(),
        p.media(),
        p.attachments(),
        AccessJson.of(p.decision()),
        p.opensAt(),
        p.completed(),
        p.previous(),
        p.next());
  }

  private Reader reader(AuthenticatedAccount me) {
    return content.reader(me == null ? null : me.accountId());
  }
}
