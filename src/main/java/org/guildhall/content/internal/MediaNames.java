package org.guildhall.content.internal;

import java.text.Normalizer;

/**
 * Cleans the file name an uploader gave before it is kept and shown: no directories, no control or
 * invisible formatting characters (which could hide the real extension), single spaces, at most
 * {@value #MAX_LENGTH} characters with the extension kept. It stays untrusted text and is escaped
 * wherever it is shown.
 */
final class MediaNames {

  static final int MAX_LENGTH = 255;
  private static final int MAX_EXTENSION = 16;

  private MediaNames() {}

  static String clean(String raw, String fallbackExtension) {
    String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder out = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = true; // tabs and line breaks too
        continue;
      }
      if (invisible(c)) {
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      out.appendCodePoint(c);
    }
    String cleaned = out.toString();
    if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '.')) {
      cleaned = "upload." + fallbackExtension;
    }
    return shorten(cleaned);
  }

  private static boolean invisible(int c) {
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** At most MAX_LENGTH chars, cut between code points, keeping a short extension. */
  private static String shorten(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
    String base = name.substring(0, name.length() - extension.length());
    int keep = MAX_LENGTH - extension.length();
    if (Character.isHighSurrogate(base.charAt(keep - 1))) {
      keep--;
    }
    return base.substring(0, keep).strip() + extension;
  }
}
