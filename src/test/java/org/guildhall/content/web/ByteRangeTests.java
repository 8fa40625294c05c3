package org.guildhall.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.guildhall.content.web.ByteRange.Parsed;
import org.junit.jupiter.api.Test;

/** The three single-range forms of RFC 9110, and what is ignored or unsatisfiable. */
class ByteRangeTests {

  static ByteRange range(String header, long size) {
    Parsed parsed = ByteRange.parse(header, size);
    assertThat(parsed.unsatisfiable()).as(header).isFalse();
    return parsed.range().orElseThrow();
  }

  @Test
  void readsTheThreeForms() {
    assertThat(range("bytes=0-99", 1000)).isEqualTo(new ByteRange(0, 99));
    assertThat(range("bytes=500-", 1000)).isEqualTo(new ByteRange(500, 999));
    assertThat(range("bytes=-100", 1000)).isEqualTo(new ByteRange(900, 999));
  }

  @Test
  void clipsToTheEnd() {
    assertThat(range("bytes=900-5000", 1000)).isEqualTo(new ByteRange(900, 999));
    assertThat(range("bytes=-5000", 1000)).isEqualTo(new ByteRange(0, 999));
    assertThat(range("bytes=999-999", 1000).length()).isEqualTo(1);
  }

  @Test
  void ignoresWhatItCannotServeAsOneRange() {
    for (String header :
        new String[] {
          null,
          "",
          "bytes=",
          "bytes=-",
          "items=0-1",
          "bytes=0-1,5-6",
          "bytes=10-5",
          "bytes=a-b",
          "bytes=99999999999999999999-"
        }) {
      assertThat(ByteRange.parse(header, 1000)).as(header).isEqualTo(Parsed.WHOLE);
    }
  }

  @Test
  void aRangeNoByteSatisfiesIsUnsatisfiable() {
    assertThat(ByteRange.parse("bytes=1000-", 1000).unsatisfiable()).isTrue();
    assertThat(ByteRange.parse("bytes=1000-2000", 1000).unsatisfiable()).isTrue();
    assertThat(ByteRange.parse("bytes=-0", 1000).unsatisfiable()).isTrue();
    assertThat(ByteRange.parse("bytes=0-", 0).unsatisfiable()).isTrue();
  }
}
