package org.guildhall.content.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a file of known size, from a {@code Range} header (RFC 9110 §14): {@code
 * bytes=a-b}, {@code bytes=a-} or the suffix {@code bytes=-n}. A header that is absent, malformed,
 * of another unit or asks for several ranges is ignored (the whole file is sent, as the RFC
 * allows); a well-formed one that no byte satisfies is {@link Parsed#unsatisfiable()}.
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

  long length() {
    return last - first + 1;
  }

  /** The outcome of reading the header: no range (send everything), a range, or 416. */
  record Parsed(Optional<ByteRange> range, boolean unsatisfiable) {

    static final Parsed WHOLE = new Parsed(Optional.empty(), false);
    static final Parsed UNSATISFIABLE = new Parsed(Optional.empty(), true);

    static Parsed of(ByteRange range) {
      return new Parsed(Optional.of(range), false);
    }
  }

  static Parsed parse(String header, long size) {
    if (header == null) {
      return Parsed.WHOLE;
    }
    Matcher m = SINGLE.matcher(header.strip());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Parsed.WHOLE;
    }
    try {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0 || size == 0) {
          return Parsed.UNSATISFIABLE;
        }
        return Parsed.of(new ByteRange(Math.max(0, size - suffix), size - 1));
      }
      long first = Long.parseLong(m.group(1));
      long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
      if (last < first) {
        return Parsed.WHOLE; // an invalid range-spec: the header is ignored
      }
      if (first >= size) {
        return Parsed.UNSATISFIABLE;
      }
      return Parsed.of(new ByteRange(first, Math.min(last, size - 1)));
    } catch (NumberFormatException tooBig) {
      return Parsed.WHOLE;
    }
  }
}
