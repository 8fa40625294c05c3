package org.guildhall.content.internal;

import java.util.regex.Pattern;
import org.guildhall.platform.text.Markdown;
import org.springframework.stereotype.Component;

/**
 * Renders an item's Markdown once, when it is saved: the whole body, and the free preview that a
 * reader without access sees before the paywall — the part above a line {@code <!--more-->}, or
 * without one the first two paragraphs.
 */
@Component
class ContentText {

  static final String MORE = "<!--more-->";
  private static final Pattern MORE_LINE =
      Pattern.compile("(?m)^[ \\t]*<!--\\s*more\\s*-->[ \\t]*$");
  private static final Pattern BLOCKS = Pattern.compile("\\n\\s*\\n");
  private static final int PREVIEW_BLOCKS = 2;
  private static final Pattern MEDIA_TARGET =
      Pattern.compile("\\(media:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\)");

  private final Markdown markdown;

  ContentText(Markdown markdown) {
    this.markdown = markdown;
  }

  /**
   * @param previewMd the free part's Markdown (automatic excerpts come from it, so an excerpt never
   *     shows words from behind the paywall)
   */
  record Rendered(String html, String previewHtml, String previewMd, int chars) {}

  Rendered render(String bodyMd) {
    String body = mediaLinks(bodyMd == null ? "" : bodyMd.replace("\r\n", "\n"));
    var marker = MORE_LINE.matcher(body);
    String preview;
    String whole;
    if (marker.find()) {
      preview = body.substring(0, marker.start());
      whole = marker.replaceAll("");
    } else {
      String[] blocks = BLOCKS.split(body.strip(), PREVIEW_BLOCKS + 1);
      preview =
          String.join(
              "\n\n", java.util.Arrays.copyOf(blocks, Math.min(blocks.length, PREVIEW_BLOCKS)));
      whole = body;
    }
    return new Rendered(
        markdown.toHtml(whole), markdown.toHtml(preview), preview, whole.strip().length());
  }

  /** The free part and the rest, each rendered apart, for the editor's live preview. */
  record Split(String previewHtml, String restHtml, boolean marked) {}

  Split split(String bodyMd) {
    String body = bodyMd == null ? "" : bodyMd.replace("\r\n", "\n");
    var marker = MORE_LINE.matcher(body);
    if (!marker.find()) {
      return new Split(markdown.toHtml(body), "", false);
    }
    String rest = MORE_LINE.matcher(body.substring(marker.end())).replaceAll("");
    return new Split(
        markdown.toHtml(body.substring(0, marker.start())), markdown.toHtml(rest), true);
  }

  /** Sanitised HTML of Markdown that has no preview part (a lesson's text). */
  String html(String bodyMd) {
    return markdown.toHtml(mediaLinks(bodyMd == null ? "" : bodyMd));
  }

  /**
   * Markdown's {@code (media:{id})} link targets (audio, video, files from the media library)
   * become {@code /media/s/{id}}: unsigned, they answer 403; pages sign them for readers.
   */
  static String mediaLinks(String markdown) {
    return MEDIA_TARGET.matcher(markdown).replaceAll("(/media/s/$1)");
  }

  /** A plain-text excerpt of Markdown, for when the author leaves the excerpt empty. */
  String excerpt(String bodyMd, int maxChars) {
    return markdown.excerpt(bodyMd == null ? "" : bodyMd, maxChars);
  }
}
