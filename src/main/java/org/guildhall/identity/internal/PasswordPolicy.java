package org.guildhall.identity.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be: 8 to 128 characters (counted as code points, so Chinese passwords are
 * fine), not one of the most common passwords, not the e-mail address, not one repeated character.
 * Returns the i18n key of the first rule broken.
 */
public final class PasswordPolicy {

  public static final int MIN = 8;
  public static final int MAX = 128;

  private static final Set<String> COMMON =
      Set.of(
          "password",
          "password1",
          "password123",
          "12345678",
          "123456789",
          "1234567890",
          "qwertyui",
          "qwerty123",
          "qwertyuiop",
          "iloveyou",
          "11111111",
          "00000000",
          "abc12345",
          "abcd1234",
          "1q2w3e4r",
          "1qaz2wsx",
          "letmein1",
          "welcome1",
          "admin123",
          "passw0rd",
          "sunshine",
          "princess",
          "football",
          "baseball",
          "dragon12",
          "monkey12",
          "88888888",
          "66666666",
          "12341234",
          "a1234567",
          "woaini1314",
          "5201314520",
          "87654321",
          "asdfghjk",
          "zxcvbnm1",
          "guildhall",
          "changeme",
          "trustno1",
          "superman",
          "starwars");

  private PasswordPolicy() {}

  public static Optional<String> check(String password, String email) {
    if (password == null || password.isEmpty()) {
      return Optional.of("validation.password.required");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN) {
      return Optional.of("validation.password.too-short");
    }
    if (length > MAX) {
      return Optional.of("validation.password.too-long");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return Optional.of("validation.password.common");
    }
    if (email != null && !email.isBlank()) {
      String normalized = email.toLowerCase(Locale.ROOT);
      String local =
          normalized.contains("@") ? normalized.substring(0, normalized.indexOf('@')) : normalized;
      if (lower.equals(normalized) || (local.length() >= 4 && lower.equals(local))) {
        return Optional.of("validation.password.like-email");
      }
    }
    if (password.codePoints().distinct().count() == 1) {
      return Optional.of("validation.password.common");
    }
    return Optional.empty();
  }
}
