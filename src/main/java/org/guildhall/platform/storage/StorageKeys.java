package org.guildhall.platform.storage;

import java.util.regex.Pattern;

/** The shape every storage key has; anything else is refused before it reaches a store. */
final class StorageKeys {

  private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]+(/[A-Za-z0-9._-]+)+");

  private StorageKeys() {}

  static boolean isSafe(String key) {
    return key != null
        && key.length() <= 512
        && SAFE_KEY.matcher(key).matches()
        && !key.contains("..");
  }

  static String require(String key) {
    if (!isSafe(key)) {
      throw new IllegalArgumentException("Unsafe storage key");
    }
    return key;
  }
}
