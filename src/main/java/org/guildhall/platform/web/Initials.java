package org.guildhall.platform.web;

/** Initials for an avatar placeholder: the first CJK character, or up to two Latin initials. */
public final class Initials {

  private Initials() {}

  public static String of(String name) {
    if (name == null || name.isBlank()) {
      return "?";
    }
    String trimmed = name.strip();
    int first = trimmed.codePointAt(0);
    if (Character.isIdeographic(first)) {
      return new String(Character.toChars(first));
    }
    String[] words = trimmed.split("\\s+");
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (!word.isEmpty() && out.length() < 2) {
        out.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return out.toString();
  }
}
