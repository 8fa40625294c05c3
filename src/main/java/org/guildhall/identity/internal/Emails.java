package org.guildhall.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses are compared and stored trimmed and lower-cased. */
final class Emails {

  // Deliberately simple: one @, a dot in the domain, no spaces or control characters.
  private static final Pattern SHAPE =
      Pattern.compile(
          "^[^@\\s\\p{Cntrl}<>()\\[\\],;:\"]+@[^@\\s\\p{Cntrl}<>()\\[\\],;:\"]+\\.[^@\\s\\p{Cntrl}<>()\\[\\],;:\".]{2,}$");

  private Emails() {}

  static String normalize(String email) {
    return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
  }

  static boolean looksValid(String normalized) {
    return normalized.length() <= 254 && SHAPE.matcher(normalized).matches();
  }
}
