package org.guildhall.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;

class CursorProperties {

  @Property
  void encodesAndDecodesEveryPosition(
      @ForAll @LongRange(min = 0, max = 32503680000L) long seconds,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
      @ForAll long most,
      @ForAll long least) {
    Cursor cursor = new Cursor(Instant.ofEpochSecond(seconds, nanos), new UUID(most, least));
    assertThat(Cursor.decode(cursor.encode())).hasValue(cursor);
  }

  @Property
  void garbageMeansTheFirstPage(@ForAll String garbage) {
    // Never throws; anything that is not a cursor we made reads as "no cursor" or a valid one.
    Cursor.decode(garbage);
  }

  @Property
  void aPageHoldsAtMostSizeItemsAndPointsAfterTheLast(
      @ForAll @IntRange(min = 0, max = 60) int fetched,
      @ForAll @IntRange(min = 1, max = 50) int size) {
    Instant base = Instant.parse("2026-01-01T00:00:00Z");
    List<Cursor> rows =
        IntStream.range(0, fetched)
            .mapToObj(i -> new Cursor(base.minusSeconds(i), new UUID(0, i)))
            .toList();
    KeysetPage<Cursor> page = KeysetPage.of(rows, size, c -> c);
    assertThat(page.items()).hasSize(Math.min(fetched, size));
    assertThat(page.hasNext()).isEqualTo(fetched > size);
    if (page.hasNext()) {
      assertThat(Cursor.decode(page.next())).hasValue(rows.get(size - 1));
    }
  }
}
