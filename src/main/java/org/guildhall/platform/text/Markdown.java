package org.guildhall.platform.text;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * What members and experts write, made safe to show: CommonMark (with GFM tables and autolinks)
 * rendered to HTML with raw HTML escaped, then passed through an allow-list sanitiser (OWASP Java
 * HTML Sanitizer) that keeps text formatting, headings, lists, quotes, code, tables, links (http,
 * https, mailto; {@code rel="nofollow noopener noreferrer"}) and images (http, https or this site's
 * paths) — and nothing that can run: no scripts, event handlers, styles, frames, forms, SVG or
 * {@code javascript:}/{@code data:} URLs. Both steps always run, so a flaw in one is caught by the
 * other.
 */
@Component
public class Markdown {

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), AutolinkExtension.create());

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("pre", "code", "hr", "br", "del", "s", "sup", "sub")
                  .allowAttributes("class")
                  .matching(java.util.regex.Pattern.compile("language-[A-Za-z0-9_+-]{1,30}"))
                  .onElements("code")
                  .toFactory())
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a")
                  .allowStandardUrlProtocols()
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                  .toFactory())
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("img")
                  .allowUrlProtocols("http", "https")
                  .allowAttributes("src", "alt", "title")
                  .onElements("img")
                  .toFactory());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer html =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true).build();
  private final TextContentRenderer text =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();

  /** Safe HTML for the Markdown text (empty for null). */
  public String toHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return sanitize(html.render(parser.parse(markdown)));
  }

  /** Any HTML through the same allow-list (for text that arrives as HTML). */
  public String sanitize(String untrustedHtml) {
    return POLICY.sanitize(untrustedHtml == null ? "" : untrustedHtml);
  }

  /** Plain text of the Markdown, cut at a word boundary near {@code maxChars} (for excerpts). */
  public String excerpt(String markdown, int maxChars) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    Node document = parser.parse(markdown);
    // raw HTML in the text is dropped, not shown as tags
    String plain = text.render(document).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
    if (plain.length() <= maxChars) {
      return plain;
    }
    int cut = plain.lastIndexOf(' ', maxChars);
    return plain.substring(0, cut > maxChars / 2 ? cut : maxChars).strip() + "…";
  }
}
