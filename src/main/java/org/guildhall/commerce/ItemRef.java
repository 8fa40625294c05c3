package org.guildhall.commerce;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A purchasable item, referenced generically: {@code kind} names the module's catalog ({@code
 * membership}, later {@code course}, {@code column}), {@code key} the item within it ({@code
 * premium:YEARLY}). Written as {@code kind/key} in URLs and forms.
 */
public record ItemRef(String kind, String key) {

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9:_.-]{1,160}");

  public ItemRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    if (!KIND.matcher(kind).matches() || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not an item reference: " + kind + "/" + key);
    }
  }

  /** Parses {@code kind/key}; empty for anything else. */
  public static java.util.Optional<ItemRef> parse(String text) {
    if (text == null) {
      return java.util.Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash <= 0) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          new ItemRef(text.substring(0, slash), text.substring(slash + 1)));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return kind + "/" + key;
  }
}
