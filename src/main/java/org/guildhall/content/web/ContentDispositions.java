package org.guildhall.content.web;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} values that are safe whatever the uploader named the file: an ASCII
 * {@code filename} with anything risky replaced by {@code _}, and the real name in {@code
 * filename*} as UTF-8, percent-encoded (RFC 6266 with RFC 5987/8187 encoding).
 */
final class ContentDispositions {

  private static final String ATTR_CHAR_SYMBOLS = "!#$&+-.^_`|~";

  private ContentDispositions() {}

  static String of(String type, String name) {
    return type + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
  }

  static String asciiFallback(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean safe = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';';
      out.append(safe ? c : '_');
    }
    return out.toString();
  }

  static String encode(String name) {
    StringBuilder out = new StringBuilder(name.length() * 3);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean attrChar =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ATTR_CHAR_SYMBOLS.indexOf(c) >= 0;
      if (attrChar) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
