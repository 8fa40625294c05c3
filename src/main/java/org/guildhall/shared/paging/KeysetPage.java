package org.guildhall.shared.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list paginated by key (never by offset): the items and an opaque cursor for the
 * next page, or {@code null} when this is the last page. This is also the JSON envelope of every
 * list in the API: {@code {"items": [...], "next": "..."}}.
 */
public record KeysetPage<T>(List<T> items, String next) {

  public KeysetPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return next != null;
  }

  public <R> KeysetPage<R> map(Function<? super T, ? extends R> mapper) {
    return new KeysetPage<>(items.stream().<R>map(mapper).toList(), next);
  }

  /**
   * Builds a page from a query that fetched {@code size + 1} rows: the extra row, if present,
   * proves there is a next page and its predecessor's key becomes the cursor.
   */
  public static <T> KeysetPage<T> of(List<T> fetched, int size, Function<? super T, Cursor> keyOf) {
    if (fetched.size() <= size) {
      return new KeysetPage<>(fetched, null);
    }
    List<T> page = fetched.subList(0, size);
    return new KeysetPage<>(page, keyOf.apply(page.get(size - 1)).encode());
  }
}
