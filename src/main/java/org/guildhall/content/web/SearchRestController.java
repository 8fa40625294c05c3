package org.guildhall.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ItemCard;
import org.guildhall.content.SearchApi;
import org.guildhall.content.SearchHit;
import org.guildhall.content.SearchResults;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over JSON, for visitors and members alike (each sees what they may). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Search", description = "Full-text search of courses, articles, columns and media")
class SearchRestController {

  private final SearchApi search;
  private final ContentApi content;

  SearchRestController(SearchApi search, ContentApi content) {
    this.search = search;
    this.content = content;
  }

  /**
   * A search hit. The {@code *Html} fields are HTML-escaped text in which only matched words are
   * wrapped in {@code <mark>}; {@code snippetHtml} is present only when the caller may read the
   * item's body ({@code locked} false).
   */
  record Hit(
      UUID id,
      String kind,
      String slug,
      String path,
      String title,
      String excerpt,
      String titleHtml,
      String excerptHtml,
      String snippetHtml,
      String lessonHtml,
      String coverUrl,
      String lang,
      Instant publishedAt,
      String access,
      int minTierRank,
      Long priceMinor,
      String currency,
      Integer durationSeconds,
      int lessons,
      boolean locked,
      boolean earlyAccess) {

    static Hit of(SearchHit hit) {
      ItemCard c = hit.item();
      return new Hit(
          c.id(),
          c.kind().name(),
          c.slug(),
          c.path(),
          c.title(),
          c.excerpt(),
          hit.titleHtml(),
          hit.excerptHtml(),
          hit.snippetHtml(),
          hit.lessonHtml(),
          c.coverUrl(),
          c.lang(),
          c.publishedAt(),
          c.access().name(),
          c.minTierRank(),
          c.price() == null ? null : c.price().minor(),
          c.price() == null ? null : c.price().currency().getCurrencyCode(),
          c.durationSeconds(),
          c.lessons(),
          c.locked(),
          c.earlyAccess());
    }
  }

  /** The list envelope: {@code items}, {@code next} (null on the last page) and the count. */
  record Results(String query, List<Hit> items, String next, long total, boolean totalExact) {

    static Results of(SearchResults r) {
      return new Results(
          r.query(), r.items().stream().map(Hit::of).toList(), r.next(), r.total(), r.totalExact());
    }
  }

  @GetMapping("/search")
  @Operation(
      summary = "Search content in Chinese and English, best match first",
      description =
          "Everyone finds items by title and excerpt; words of a body find an item only for"
              + " callers who may read it, and only they get a snippet. Words must all match"
              + " (\"quotes\" for a phrase, -word to exclude, | for either). A blank q finds"
              + " nothing; q longer than 200 characters is a 422 problem. At most 200 results"
              + " can be paged through: pass `next` back as `after`. Results are ranked by relevance,"
              + " so `next` is a position in the ranking (not a key), valid for the same query.")
  Results search(
      @Parameter(description = "the words to find (at most 200 characters)")
          @RequestParam(name = "q", defaultValue = "")
          String query,
      @Parameter(description = "the next of the previous page") @RequestParam(required = false)
          String after,
      @Parameter(description = "the same as after (an older name)", deprecated = true)
          @RequestParam(required = false)
          String cursor,
      @Parameter(description = "results per page, 1 to 50") @RequestParam(defaultValue = "20")
          int size,
      @AuthenticationPrincipal AuthenticatedAccount me,
      Locale locale) {
    return Results.of(
        search.search(
            query,
            content.reader(me == null ? null : me.accountId()),
            locale,
            after != null ? after : cursor,
            size));
  }
}
