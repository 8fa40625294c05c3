package org.guildhall.learning.internal;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate codes: {@code GH-} and 12 characters of Crockford's base32 (60 random bits from
 * {@link SecureRandom}), so a code cannot be guessed and reads aloud without ambiguity. A typed
 * code is accepted in any case, with dashes or spaces, and with O for 0 and I or L for 1.
 */
final class CertificateCodes {

  static final String PREFIX = "GH-";
  static final int LENGTH = 12;
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private CertificateCodes() {}

  static String next() {
    StringBuilder code = new StringBuilder(PREFIX);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return code.toString();
  }

  /** The canonical form of a typed code, or empty when it cannot be one. */
  static Optional<String> normalise(String typed) {
    if (typed == null || typed.length() > 40) {
      return Optional.empty();
    }
    String text = typed.strip().toUpperCase(Locale.ROOT);
    if (!text.startsWith(PREFIX)) {
      return Optional.empty();
    }
    StringBuilder body = new StringBuilder(LENGTH);
    for (char c : text.substring(PREFIX.length()).toCharArray()) {
      char d =
          switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
          };
      if (d == '-' || d == ' ') {
        continue;
      }
      if (!isCode(d)) {
        return Optional.empty();
      }
      body.append(d);
    }
    return body.length() == LENGTH ? Optional.of(PREFIX + body) : Optional.empty();
  }

  private static boolean isCode(char c) {
    for (char a : ALPHABET) {
      if (a == c) {
        return true;
      }
    }
    return false;
  }
}
