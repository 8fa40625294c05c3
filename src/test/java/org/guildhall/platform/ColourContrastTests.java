package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The design system's colour pairs meet WCAG 2.2 AA in both themes: 4.5:1 for text on its
 * background, 3:1 for focus rings and input borders. The colours are read from the stylesheet's
 * custom properties, so a change to a token is checked where it is made.
 */
class ColourContrastTests {

  /** Text colour, background colour, and what they are used for. */
  record Pair(String text, String background, String where) {}

  static final List<Pair> TEXT =
      List.of(
          new Pair("text", "bg", "body text"),
          new Pair("text", "surface", "text on cards"),
          new Pair("text", "surface-2", "text on hovered rows, neutral badges"),
          new Pair("text", "surface-3", "text on pressed controls"),
          new Pair("text-muted", "bg", "secondary text"),
          new Pair("text-muted", "surface", "hints, captions on cards"),
          new Pair("text-muted", "surface-2", "secondary text on table heads"),
          new Pair("link", "bg", "links"),
          new Pair("link", "surface", "links on cards"),
          new Pair("link", "surface-2", "links in table heads"),
          new Pair("link-hover", "surface", "hovered links"),
          new Pair("brand-contrast", "brand", "primary buttons"),
          new Pair("brand-contrast", "brand-hover", "hovered primary buttons"),
          new Pair("brand-soft-text", "brand-soft", "current nav item, tier badges"),
          new Pair("success", "success-soft", "success alerts and badges"),
          new Pair("warning", "warning-soft", "warning alerts, countdowns"),
          new Pair("danger", "danger-soft", "error alerts and badges"),
          new Pair("danger", "surface", "field errors"),
          new Pair("info", "info-soft", "information alerts"),
          new Pair("neutral-text", "surface-2", "neutral badges"),
          new Pair("inverse-text", "inverse", "toasts"));

  static final List<Pair> NON_TEXT =
      List.of(
          new Pair("focus", "bg", "focus ring on the page"),
          new Pair("focus", "surface", "focus ring on cards"),
          new Pair("border-input", "surface", "input borders"));

  @Test
  void everyTextColourPairReachesFourAndAHalfToOneInBothThemes() throws IOException {
    for (Map.Entry<String, Map<String, String>> theme : themes().entrySet()) {
      for (Pair pair : TEXT) {
        assertThat(contrast(theme.getValue(), pair))
            .as(
                "%s theme: %s on %s (%s)",
                theme.getKey(), pair.text(), pair.background(), pair.where())
            .isGreaterThanOrEqualTo(4.5);
      }
      for (Pair pair : NON_TEXT) {
        assertThat(contrast(theme.getValue(), pair))
            .as(
                "%s theme: %s on %s (%s)",
                theme.getKey(), pair.text(), pair.background(), pair.where())
            .isGreaterThanOrEqualTo(3.0);
      }
    }
  }

  @Test
  void dangerButtonsCarryWhiteTextInBothThemes() throws IOException {
    String css = stylesheet();
    Matcher light = Pattern.compile("\\.btn--danger \\{\\s*--btn-bg: (#[0-9a-f]{6});").matcher(css);
    Matcher dark =
        Pattern.compile("\\[data-theme=\"dark\"] \\.btn--danger \\{ --btn-bg: (#[0-9a-f]{6});")
            .matcher(css);
    assertThat(light.find()).isTrue();
    assertThat(dark.find()).isTrue();
    assertThat(ratio("#ffffff", light.group(1))).isGreaterThanOrEqualTo(4.5);
    assertThat(ratio("#ffffff", dark.group(1))).isGreaterThanOrEqualTo(4.5);
  }

  @Test
  void theAutomaticDarkThemeIsTheSameAsTheChosenOne() throws IOException {
    String css = stylesheet();
    Map<String, String> chosen = block(css, "\n[data-theme=\"dark\"] {");
    Matcher auto =
        Pattern.compile(
                "@media \\(prefers-color-scheme: dark\\) \\{\\s*:root:not\\(\\[data-theme=\"light\"]\\)"
                    + ":not\\(\\[data-theme=\"dark\"]\\),\\s*\\[data-theme=\"auto\"] \\{([^}]*)}")
            .matcher(css);
    assertThat(auto.find()).as("the prefers-color-scheme block").isTrue();
    assertThat(properties(auto.group(1))).isEqualTo(chosen);
  }

  @Test
  void theContrastFormulaMatchesWcagExamples() {
    assertThat(ratio("#000000", "#ffffff"))
        .isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(ratio("#777777", "#ffffff"))
        .isEqualTo(4.48, org.assertj.core.data.Offset.offset(0.01));
  }

  /** The light tokens, and the dark ones (the light ones with the dark block's overrides). */
  static Map<String, Map<String, String>> themes() throws IOException {
    String css = stylesheet();
    Map<String, String> light = block(css, ":root,\n[data-theme=\"light\"] {");
    Map<String, String> dark = new LinkedHashMap<>(light);
    dark.putAll(block(css, "\n[data-theme=\"dark\"] {"));
    return Map.of("light", light, "dark", dark);
  }

  static String stylesheet() throws IOException {
    return new ClassPathResource("static/css/guildhall.css")
        .getContentAsString(StandardCharsets.UTF_8)
        .replaceAll("(?s)/\\*.*?\\*/", "");
  }

  static Map<String, String> block(String css, String selector) {
    int start = css.indexOf(selector);
    assertThat(start).as("stylesheet block %s", selector).isGreaterThanOrEqualTo(0);
    int open = css.indexOf('{', start);
    return properties(css.substring(open + 1, css.indexOf('}', open)));
  }

  static Map<String, String> properties(String body) {
    Map<String, String> properties = new LinkedHashMap<>();
    Matcher m = Pattern.compile("--([a-z0-9-]+):\\s*([^;]+);").matcher(body);
    while (m.find()) {
      properties.put(m.group(1), m.group(2).trim());
    }
    return properties;
  }

  static double contrast(Map<String, String> theme, Pair pair) {
    return ratio(hex(theme, pair.text()), hex(theme, pair.background()));
  }

  static String hex(Map<String, String> theme, String name) {
    String value = theme.get(name);
    assertThat(value).as("--%s", name).isNotNull().matches("#[0-9a-fA-F]{6}");
    return value;
  }

  static double ratio(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  static double luminance(String hex) {
    int rgb = Integer.parseInt(hex.substring(1), 16);
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
