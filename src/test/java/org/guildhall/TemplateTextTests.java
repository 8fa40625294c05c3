package org.guildhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No template shows text that bypasses the message files: every word between tags, and every {@code
 * aria-label}, {@code alt}, {@code title} and {@code placeholder}, comes from an expression ({@code
 * ${ctx.msg(…)}} or data). The scanner reads jte's syntax: it skips {@code ${…}}, {@code !{…}},
 * {@code @if(…)}, {@code @for(…)}, {@code @template.…(…)} (but not the HTML of their {@code @`…`}
 * content blocks), comments, scripts, styles, SVG drawings and code samples.
 */
class TemplateTextTests {

  /** Words that are the same in every language: each language's own name on its switch. */
  static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("English", "中文", "简体中文");

  static final Set<String> VISIBLE_ATTRIBUTES = Set.of("aria-label", "alt", "title", "placeholder");

  static final Pattern WORDS = Pattern.compile("[\\p{L}]{2,}");

  @Test
  void templatesTakeEveryVisibleTextFromTheMessageFiles() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
        for (String text : new Scanner(Files.readString(file)).literals()) {
          found.add(file + ": " + text);
        }
      }
    }
    assertThat(found).as("literal texts in templates (use ctx.msg)").isEmpty();
  }

  @Test
  void theScannerFindsLiteralsAndIgnoresExpressions() {
    String template =
        """
        @import org.guildhall.platform.web.Ctx
        @param Ctx ctx
        @template.layout.page(ctx = ctx, title = ctx.msg("x.title"), content = @`
          <%-- a comment with words --%>
          <h1 class="page-title">${ctx.msg("x.title")}</h1>
          <p>Hard coded words</p>
          @if(ctx.signedIn() && "a)b".equals("c"))<span>${ctx.viewer().displayName()}</span>@endif
          <button aria-label="Close it" title="${ctx.msg("x.close")}">×</button>
          <img src="/a.png" alt="">
          <svg><text>drawing</text></svg>
          <pre><code>{ "type": "/problems/x" }</code></pre>
          <a lang="en" href="/lang?to=en">English</a>
          !{String s = "not shown";}
          @for(var i : java.util.List.of(1, 2))<li>${i}</li>@endfor
        `)
        """;
    assertThat(new Scanner(template).literals())
        .containsExactly("Hard coded words", "aria-label=\"Close it\"");
  }

  /** A small reader of jte templates that collects the literal text a visitor would see. */
  static final class Scanner {

    private final String s;
    private int i;
    private final List<String> literals = new ArrayList<>();

    Scanner(String template) {
      this.s = template;
    }

    List<String> literals() {
      html('\0');
      return literals;
    }

    /** HTML until {@code end} (a content block's closing backtick) or the end of the file. */
    private void html(char end) {
      StringBuilder text = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (end != '\0' && c == end) {
          i++;
          break;
        }
        if (skipJte()) {
          continue;
        }
        if (c == '<') {
          flush(text);
          tag();
          continue;
        }
        text.append(c);
        i++;
      }
      flush(text);
    }

    /** Skips a jte construct at the cursor; true if there was one. */
    private boolean skipJte() {
      if (s.startsWith("<%--", i)) {
        i = after("--%>");
        return true;
      }
      if (s.startsWith("${", i) || s.startsWith("!{", i)) {
        i += 1;
        code('{', '}');
        return true;
      }
      if (s.startsWith("$unsafe{", i)) {
        i += 7;
        code('{', '}');
        return true;
      }
      if (s.charAt(i) == '@') {
        for (String directive : List.of("@if(", "@elseif(", "@for(")) {
          if (s.startsWith(directive, i)) {
            i += directive.length() - 1;
            code('(', ')');
            return true;
          }
        }
        if (s.startsWith("@template.", i)) {
          i = s.indexOf('(', i);
          code('(', ')');
          return true;
        }
        for (String line : List.of("@import", "@param")) {
          if (s.startsWith(line, i)) {
            i = after("\n");
            return true;
          }
        }
        for (String word : List.of("@endif", "@else", "@endfor", "@raw", "@endraw")) {
          if (s.startsWith(word, i)) {
            i += word.length();
            return true;
          }
        }
      }
      return false;
    }

    /**
     * Java code from an opening {@code open} to its matching {@code close}, skipping strings and
     * reading the HTML of any {@code @`…`} content block inside.
     */
    private void code(char open, char close) {
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
          skipString(c);
          continue;
        }
        if (c == '@' && i + 1 < s.length() && s.charAt(i + 1) == '`') {
          i += 2;
          html('`');
          continue;
        }
        i++;
        if (c == open) {
          depth++;
        } else if (c == close && --depth == 0) {
          return;
        }
      }
    }

    private void skipString(char quote) {
      i++;
      while (i < s.length() && s.charAt(i) != quote) {
        i += s.charAt(i) == '\\' ? 2 : 1;
      }
      i++;
    }

    /**
     * A tag from {@code <}: checks visible attributes; skips comments, scripts, styles, SVG, and
     * code samples ({@code <code>}, {@code <pre>}: machine text, the same in every language).
     */
    private void tag() {
      if (s.startsWith("<!--", i)) {
        i = after("-->");
        return;
      }
      for (String raw : List.of("script", "style", "svg", "code", "pre")) {
        if (s.startsWith("<" + raw, i)
            && i + raw.length() + 1 < s.length()
            && !Character.isLetterOrDigit(s.charAt(i + raw.length() + 1))) {
          i = after("</" + raw + ">");
          return;
        }
      }
      i++;
      StringBuilder name = new StringBuilder();
      while (i < s.length() && s.charAt(i) != '>') {
        if (skipJte()) {
          name.setLength(0);
          continue;
        }
        char c = s.charAt(i);
        if (c == '"') {
          String attribute = name.toString().replaceAll("[=\\s]", "");
          attributeValue(attribute);
          name.setLength(0);
          continue;
        }
        if (Character.isWhitespace(c)) {
          name.setLength(0);
        } else {
          name.append(c);
        }
        i++;
      }
      i++;
    }

    private void attributeValue(String attribute) {
      i++;
      StringBuilder literal = new StringBuilder();
      while (i < s.length() && s.charAt(i) != '"') {
        if (skipJte()) {
          continue;
        }
        literal.append(s.charAt(i));
        i++;
      }
      i++;
      if (VISIBLE_ATTRIBUTES.contains(attribute) && WORDS.matcher(literal).find()) {
        literals.add(attribute + "=\"" + literal + "\"");
      }
    }

    private void flush(StringBuilder text) {
      String shown = text.toString().replaceAll("&#?[A-Za-z0-9]+;", " ").strip();
      if (WORDS.matcher(shown).find() && !SAME_IN_EVERY_LANGUAGE.contains(shown)) {
        literals.add(shown.replaceAll("\\s+", " "));
      }
      text.setLength(0);
    }

    private int after(String marker) {
      int at = s.indexOf(marker, i);
      return at < 0 ? s.length() : at + marker.length();
    }
  }
}
