package org.guildhall.content;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.guildhall.content.internal.ContentSearch;
import org.guildhall.content.internal.SearchIndexer;
import org.guildhall.membership.Reader;
import org.springframework.stereotype.Service;

/**
 * Full-text search over content in Chinese and English (docs/search.md), decided by the one access
 * policy's {@link Reader}: everyone finds items by title and excerpt (and a course by its lessons'
 * titles); words of a body (or of a course's lessons) find an item only for readers who may read
 * it, and only they get a snippet of it. Drafts, items in review, archived items and scheduled
 * items outside the reader's early-access window are never found.
 */
@Service
public class SearchApi {

  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY = 200;

  /** Results per page when the caller does not say, and at most. */
  public static final int DEFAULT_SIZE = 20;

  public static final int MAX_SIZE = 50;

  /** How many results can be paged through at most (10 pages of 20). */
  public static final int MAX_RESULTS = 200;

  private final ContentSearch search;
  private final SearchIndexer indexer;

  SearchApi(ContentSearch search, SearchIndexer indexer) {
    this.search = search;
    this.indexer = indexer;
  }

  /**
   * One page of what {@code query} finds for the reader. A blank query finds nothing; one longer
   * than {@link #MAX_QUERY} is refused (422, field {@code q}). {@code cursor} is the {@code next}
   * of the previous page (null or unreadable: the first page).
   *
   * @param locale the reader's language; items in it rank a little higher
   */
  public SearchResults search(String query, Reader reader, Locale locale, String cursor, int size) {
    return search.search(query, reader, locale, cursor, size);
  }

  /** Rebuilds the whole index from the database in the background (e.g. after a bulk import). */
  public CompletionStage<?> reindex() {
    return indexer.reindex();
  }
}
