package org.guildhall.content;

import java.util.List;

/**
 * One page of search results, best match first, in the API's list envelope: {@code items} and an
 * opaque {@code next} cursor (null on the last page). Results are capped at {@link
 * SearchApi#MAX_RESULTS}: relevance has no stable key to page by, so deep pages are not offered.
 *
 * @param query the query as searched (trimmed)
 * @param total how many items match (at least this many when {@code totalExact} is false)
 */
public record SearchResults(
    String query, List<SearchHit> items, String next, long total, boolean totalExact) {

  public SearchResults {
    items = List.copyOf(items);
  }

  public static SearchResults empty(String query) {
    return new SearchResults(query, List.of(), null, 0, true);
  }

  public boolean hasNext() {
    return next != null;
  }

  /** No query was given (as opposed to a query that found nothing). */
  public boolean blank() {
    return query == null || query.isEmpty();
  }
}
