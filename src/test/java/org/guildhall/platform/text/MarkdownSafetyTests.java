package org.guildhall.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.util.HtmlUtils;

/**
 * More than 100 XSS payloads in the style of OWASP's filter-evasion cheat sheet, each rendered in
 * several Markdown contexts: the output must hold no active content at all.
 */
public class MarkdownSafetyTests {

  private static final Markdown MARKDOWN = new Markdown();

  private static final Pattern DANGEROUS_TAG =
      Pattern.compile(
          "<\\s*/?\\s*(script|iframe|frame|frameset|object|embed|applet|style|svg|math|form|input|button"
              + "|textarea|select|option|meta|link|base|template|video|audio|source|details|marquee"
              + "|isindex|keygen|body|html|head|noscript|xml|xss|bgsound|title)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern EVENT_HANDLER =
      Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
  private static final Pattern FORBIDDEN_ATTRIBUTE =
      Pattern.compile(
          "<[^>]*\\s(style|srcdoc|formaction|background|dynsrc|lowsrc|xlink:href|data)\\s*=",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_ATTRIBUTE =
      Pattern.compile("\\s(href|src)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

  /** The corpus, one payload a line (also used by the studio's tests). */
  public static List<String> payloads() throws IOException {
    try (InputStream in = MarkdownSafetyTests.class.getResourceAsStream("/xss/payloads.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isBlank())
          .toList();
    }
  }

  static Stream<String> contexts() throws IOException {
    return payloads().stream()
        .flatMap(
            p ->
                Stream.of(
                    p,
                    "Some text " + p + " and more.",
                    "* item " + p,
                    "> " + p,
                    "[" + p + "](https://example.com)",
                    "| a |\n|---|\n| " + p + " |"));
  }

  @Test
  void theCorpusHasMoreThanOneHundredPayloads() throws IOException {
    assertThat(payloads()).hasSizeGreaterThan(100);
  }

  @ParameterizedTest
  @MethodSource("contexts")
  void noPayloadSurvivesAsActiveContent(String markdown) {
    String html = MARKDOWN.toHtml(markdown);
    assertSafe(html, markdown);
    assertSafe(MARKDOWN.sanitize(markdown), markdown);
    assertThat(MARKDOWN.sanitize(html)).as("the output is stable under the policy").isEqualTo(html);
  }

  @Test
  void ordinaryMarkdownKeepsItsFormatting() {
    String html =
        MARKDOWN.toHtml(
            "# 如何打造高粘性知识付费社群\n\nSome **bold**, *em*, `code` and a [link](https://example.com).\n\n"
                + "![cover](/media/images/cover.jpg)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```java\nint x = 1;\n```\n");
    assertThat(html)
        .contains("<h1>如何打造高粘性知识付费社群</h1>")
        .contains("<strong>bold</strong>")
        .contains("<em>em</em>")
        .contains("<code>code</code>")
        .contains("<a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">link</a>")
        .contains("<img src=\"/media/images/cover.jpg\" alt=\"cover\" />")
        .contains("<table>")
        .contains("<code class=\"language-java\">int x &#61; 1;");
  }

  @Test
  void excerptsArePlainTextCutAtAWord() {
    assertThat(MARKDOWN.excerpt("**Hello** <b>world</b>, this is a longer text", 20))
        .isEqualTo("Hello world, this is…");
  }

  /** Fails unless {@code html} holds no active content (also used by the studio's tests). */
  public static void assertSafe(String html, String input) {
    assertThat(DANGEROUS_TAG.matcher(html).find())
        .as("dangerous tag from %s in %s", input, html)
        .isFalse();
    assertThat(EVENT_HANDLER.matcher(html).find())
        .as("event handler from %s in %s", input, html)
        .isFalse();
    assertThat(FORBIDDEN_ATTRIBUTE.matcher(html).find())
        .as("forbidden attribute from %s in %s", input, html)
        .isFalse();
    Matcher urls = URL_ATTRIBUTE.matcher(html);
    while (urls.find()) {
      String url =
          HtmlUtils.htmlUnescape(urls.group(2))
              .replaceAll("[\\s\\u0000-\\u001f]", "")
              .toLowerCase(Locale.ROOT);
      boolean absolute = url.matches("^[a-z][a-z0-9+.-]*:.*");
      assertThat(
              !absolute
                  || url.startsWith("http:")
                  || url.startsWith("https:")
                  || url.startsWith("mailto:"))
          .as("URL %s from %s", url, input)
          .isTrue();
    }
  }
}
