package org.guildhall.content;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file as other modules and the API see it. {@code contentType} and {@code kind} come
 * from the file's bytes; {@code originalName} is the cleaned name the uploader gave (plain text,
 * escape it on output). {@code width} and {@code height} are known for images the server could
 * read. {@code url} is the public address of an image and null for other kinds, which are reached
 * only through {@link MediaApi#signedUrl signed links}.
 */
public record MediaView(
    UUID id,
    UUID ownerId,
    MediaKind kind,
    String contentType,
    long size,
    String originalName,
    Integer width,
    Integer height,
    Instant createdAt,
    String url) {

  public boolean isImage() {
    return kind == MediaKind.IMAGE;
  }

  /**
   * The Markdown that embeds this file in an article or lesson: {@code ![name](/media/i/{id})} for
   * an image, {@code [name](media:{id})} for anything else (resolved to a signed link, after the
   * access check, when the text is shown).
   */
  public String markdown() {
    String text = escapeLinkText(originalName);
    return isImage() ? "![" + text + "](" + url + ")" : "[" + text + "](media:" + id + ")";
  }

  private static String escapeLinkText(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '[' || c == ']' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
