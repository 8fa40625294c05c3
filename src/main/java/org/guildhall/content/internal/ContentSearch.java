package org.guildhall.content.internal;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentStatus;
import org.guildhall.content.ItemCard;
import org.guildhall.content.SearchApi;
import org.guildhall.content.SearchHit;
import org.guildhall.content.SearchResults;
import org.guildhall.membership.AccessRule;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * Runs a search for one reader. The query is one boolean query in the index:
 *
 * <pre>
 * visible  AND ( words in title^3, excerpt^2, lesson titles
 *              OR (words in those or in the body or lesson bodies) AND readable )
 * </pre>
 *
 * where {@code visible} is "published, or scheduled within the reader's early-access horizon" and
 * {@code readable} is the access policy's rule written against the indexed access fields (see
 * {@link #readable}). So a word only in a body the reader may not read cannot find the item. Each
 * hit is then checked again against the database with {@link Reader#mayRead} (the index may lag a
 * moment behind): only a reader who may read the body gets a snippet of it, and an item whose match
 * was in the body alone is dropped for anyone else.
 */
@Service
public class ContentSearch {

  private static final String WHOLE = "whole";
  private static final String SNIPPET = "snippet";
  private static final String MARK = "<mark>";
  private static final String UNMARK = "</mark>";
  private static final int SNIPPET_CHARS = 160;

  /** Word and phrase syntax a reader may use; no prefix, fuzzy or proximity queries. */
  private static final Set<SimpleQueryFlag> FLAGS =
      EnumSet.of(
          SimpleQueryFlag.AND,
          SimpleQueryFlag.OR,
          SimpleQueryFlag.NOT,
          SimpleQueryFlag.PHRASE,
          SimpleQueryFlag.PRECEDENCE,
          SimpleQueryFlag.WHITESPACE,
          SimpleQueryFlag.ESCAPE);

  /** Where a snippet may start or end: Latin and Chinese punctuation and spaces. */
  private static final String BOUNDARIES = ".,!?;:。，！？；：、 \t\n";

  private final EntityManager entityManager;
  private final ContentQueries queries;
  private final ContentReader reader;
  private final Clock clock;

  ContentSearch(
      EntityManager entityManager, ContentQueries queries, ContentReader reader, Clock clock) {
    this.entityManager = entityManager;
    this.queries = queries;
    this.reader = reader;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public SearchResults search(String text, Reader who, Locale locale, String cursor, int size) {
    String query = text == null ? "" : text.strip();
    if (query.length() > SearchApi.MAX_QUERY) {
      throw DomainException.invalidField("q", "search.error.too-long");
    }
    if (query.isEmpty()) {
      return SearchResults.empty("");
    }
    int limit = size <= 0 ? SearchApi.DEFAULT_SIZE : Math.min(size, SearchApi.MAX_SIZE);
    int offset = offset(cursor);
    int fetch = Math.min(limit, SearchApi.MAX_RESULTS - offset);
    Instant now = clock.instant();
    Instant horizon = reader.horizon(who);

    SearchResult<List<?>> result =
        Search.session(entityManager)
            .search(ContentItem.class)
            .select(
                f ->
                    f.composite()
                        .from(
                            f.id(UUID.class),
                            f.highlight("title").highlighter(WHOLE),
                            f.highlight("excerpt").highlighter(WHOLE),
                            f.highlight("lessons.title").highlighter(WHOLE),
                            f.highlight("body").highlighter(SNIPPET),
                            f.highlight("lessons.body").highlighter(SNIPPET))
                        .asList())
            .where(
                f ->
                    f.bool()
                        .must(
                            f.or(
                                words(f, query, false),
                                f.and(words(f, query, true), readable(f, who))))
                        .filter(visible(f, horizon))
                        .should(
                            f.match()
                                .field("lang")
                                .matching(language(locale))
                                .constantScore()
                                .boost(0.1f)))
            .sort(f -> f.score().then().field("publishedAt").desc())
            .highlighter(
                WHOLE,
                h ->
                    h.plain()
                        .tag(MARK, UNMARK)
                        .encoder(HighlighterEncoder.HTML)
                        .fragmentSize(1000)
                        .numberOfFragments(1))
            .highlighter(
                SNIPPET,
                h ->
                    h.fastVector()
                        .tag(MARK, UNMARK)
                        .encoder(HighlighterEncoder.HTML)
                        .fragmentSize(SNIPPET_CHARS)
                        .numberOfFragments(1)
                        .boundaryScanner()
                        .chars()
                        .boundaryChars(BOUNDARIES)
                        .boundaryMaxScan(24)
                        .end())
            .totalHitCountThreshold(1000)
            .fetch(offset, fetch);

    List<SearchHit> hits = hits(result.hits(), who, horizon, now);
    long total = result.total().hitCountLowerBound();
    int end = offset + fetch;
    String next = end < Math.min(total, SearchApi.MAX_RESULTS) ? Integer.toString(end) : null;
    return new SearchResults(query, hits, next, total, result.total().isHitCountExact());
  }

  /** The words of the query in the fields everyone may search, or also in the bodies. */
  private static PredicateFinalStep words(SearchPredicateFactory f, String query, boolean bodies) {
    var fields =
        f.simpleQueryString()
            .field("title")
            .boost(3f)
            .field("excerpt")
            .boost(2f)
            .field("lessons.title")
            .boost(1.5f);
    if (bodies) {
      fields = fields.fields("body", "lessons.body");
    }
    return fields.matching(query).defaultOperator(BooleanOperator.AND).flags(FLAGS);
  }

  /** Published, or scheduled to be published within the reader's early-access horizon. */
  private static PredicateFinalStep visible(SearchPredicateFactory f, Instant horizon) {
    return f.and(
        f.terms()
            .field("status")
            .matchingAny(List.of(ContentStatus.PUBLISHED, ContentStatus.SCHEDULED)),
        f.range().field("publishedAt").atMost(horizon));
  }

  /**
   * The access policy ({@link Reader#reason}) for the indexed access fields: public items; items of
   * members of a tier up to the reader's, and sold items included from a tier up to the reader's;
   * sold items the reader bought; the reader's own items; everything for staff.
   */
  static PredicateFinalStep readable(SearchPredicateFactory f, Reader who) {
    if (who.staff()) {
      return f.matchAll();
    }
    var any = f.bool().should(access(f, ContentAccess.PUBLIC));
    if (who.tierRank() >= 0) {
      any.should(
          f.and(
              f.range().field(ReadAccessBinder.MIN_TIER_RANK).atMost(who.tierRank()),
              f.or(
                  access(f, ContentAccess.MEMBERS),
                  f.and(
                      access(f, ContentAccess.PURCHASE),
                      f.range().field(ReadAccessBinder.MIN_TIER_RANK).greaterThan(0)))));
    }
    if (!who.owned().isEmpty()) {
      any.should(
          f.and(
              access(f, ContentAccess.PURCHASE),
              f.terms()
                  .field(ReadAccessBinder.ITEM_KEY)
                  .matchingAny(who.owned().stream().map(ItemRef::toString).toList())));
    }
    if (who.id() != null) {
      any.should(f.match().field("authorId").matching(who.id()));
    }
    return any;
  }

  private static PredicateFinalStep access(SearchPredicateFactory f, ContentAccess access) {
    return f.match().field(ReadAccessBinder.ACCESS).matching(access.name());
  }

  /** The index's hits as the database has them now, each decided for the reader. */
  private List<SearchHit> hits(List<List<?>> found, Reader who, Instant horizon, Instant now) {
    List<UUID> ids = found.stream().map(h -> (UUID) h.get(0)).toList();
    Map<UUID, ItemRow> rows = new HashMap<>();
    queries.rows(ids).forEach(r -> rows.put(r.id(), r));
    List<UUID> columns =
        rows.values().stream()
            .map(ItemRow::columnId)
            .filter(c -> c != null && !rows.containsKey(c))
            .distinct()
            .toList();
    queries.rows(columns).forEach(r -> rows.put(r.id(), r));

    List<SearchHit> hits = new ArrayList<>();
    for (List<?> h : found) {
      ItemRow row = rows.get((UUID) h.get(0));
      if (row == null || !visible(row, horizon)) {
        continue;
      }
      ItemRow column = row.columnId() == null ? null : rows.get(row.columnId());
      AccessRule rule = column == null ? row.rule() : column.rule().withAuthor(row.authorId());
      boolean readable = who.mayRead(rule);
      String title = first(h.get(1));
      String excerpt = first(h.get(2));
      String lesson = first(h.get(3));
      if (!readable && title == null && excerpt == null && lesson == null) {
        // matched by words of a body this reader may not read (the index lagged behind a change)
        continue;
      }
      String snippet = null;
      if (readable) {
        snippet = first(h.get(4));
        if (snippet == null) {
          snippet = first(h.get(5));
        }
      }
      ItemCard card = reader.card(row, readable, now);
      hits.add(
          new SearchHit(
              card,
              title != null ? title : HtmlUtils.htmlEscape(row.title()),
              excerpt != null ? excerpt : HtmlUtils.htmlEscape(row.excerpt()),
              snippet,
              lesson));
    }
    return hits;
  }

  private static boolean visible(ItemRow row, Instant horizon) {
    boolean listed =
        row.status() == ContentStatus.PUBLISHED || row.status() == ContentStatus.SCHEDULED;
    return listed && row.publishedAt() != null && !row.publishedAt().isAfter(horizon);
  }

  /**
   * The first highlighted fragment, or null. Marks of adjacent words are joined (知识 and 付费 read as
   * one marked 知识付费); the text between tags is escaped, so only our own tags can meet.
   */
  private static String first(Object highlights) {
    if (highlights instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
      return s.isBlank() ? null : s.replace(UNMARK + MARK, "");
    }
    return null;
  }

  /** Where the page starts: the offset a previous page handed out, else the first result. */
  private static int offset(String cursor) {
    if (cursor == null || cursor.isBlank() || cursor.length() > 4) {
      return 0;
    }
    try {
      int offset = Integer.parseInt(cursor);
      return offset > 0 && offset < SearchApi.MAX_RESULTS ? offset : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String language(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? "zh-CN" : "en";
  }
}
