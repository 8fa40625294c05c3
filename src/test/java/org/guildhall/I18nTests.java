package org.guildhall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both languages have every message, with the same placeholders; every key a template or class
 * names exists; every problem code a class can throw has its title and text.
 */
class I18nTests {

  static final List<String> BUNDLES = List.of("messages", "notification", "integration");
  static final List<String> SOURCES = List.of("src/main/jte", "src/main/java");

  /** {@code msg("key"…)} / {@code t("key"…)} in templates and code. */
  static final Pattern KEY_IN_CODE =
      Pattern.compile(
          "(?<![A-Za-z])(?:msg|t)\\(\"([a-z0-9][a-z0-9\\-]*\\.[a-z0-9.\\-]*[a-z0-9])\"");

  /** A problem code thrown on its own: {@code DomainException.conflict("code"…)}. */
  static final Pattern PROBLEM_CODE =
      Pattern.compile(
          "DomainException\\.(?:notFound|forbidden|conflict|unavailable|tooManyRequests)\\(\\s*\"([^\"]+)\"");

  /**
   * Dotted literals that start like a message key but are something else: payment providers' event
   * names, configuration properties, installation-setting names, and key prefixes that code
   * completes ({@code "mail.verify" + ".subject"}).
   */
  static final Set<String> NOT_MESSAGE_KEYS =
      Set.of(
          "checkout.session.completed",
          "checkout.session.expired",
          "refund.created",
          "refund.updated",
          "refund.succeeded",
          "mail.host",
          "mail.smtp.host",
          "mail.verify",
          "mail.reset",
          "mail.email-change",
          "media.link-signing-key",
          "sandbox.faults",
          "sandbox.webhook-secret",
          // Outgoing webhook event names (WebhookEvent), not message keys.
          "member.joined",
          "member.banned",
          "member.unbanned",
          "order.paid",
          "order.refunded",
          "membership.trial_started",
          "membership.paid",
          "membership.canceled",
          "membership.expired",
          "webhook.test",
          "guildhall.webhooks.allow-private-targets",
          "guildhall.webhooks.max-attempts");

  static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  static Properties load(String bundle, String suffix) throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        new InputStreamReader(
            I18nTests.class.getResourceAsStream("/i18n/" + bundle + suffix + ".properties"),
            StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  static Map<String, String> all(String suffix) throws IOException {
    Map<String, String> messages = new TreeMap<>();
    for (String bundle : BUNDLES) {
      Properties p = load(bundle, suffix);
      p.stringPropertyNames().forEach(k -> messages.put(k, p.getProperty(k)));
    }
    return messages;
  }

  /** The text of every template and main class, by file. */
  static Map<Path, String> sources() throws IOException {
    Map<Path, String> texts = new TreeMap<>();
    for (String root : SOURCES) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          texts.put(file, Files.readString(file));
        }
      }
    }
    return texts;
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages", "notification", "integration"})
  void bothLanguagesHaveTheSameKeys(String bundle) throws IOException {
    Set<String> en = load(bundle, "_en").stringPropertyNames();
    Set<String> zh = load(bundle, "_zh_CN").stringPropertyNames();
    assertThat(en).isNotEmpty();
    assertThat(new TreeSet<>(zh)).as("keys of %s_zh_CN", bundle).isEqualTo(new TreeSet<>(en));
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages", "notification", "integration"})
  void theBaseBundleIsEmptySoThatNoLanguageFallsBackToAnother(String bundle) throws IOException {
    assertThat(load(bundle, "").stringPropertyNames()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"_en", "_zh_CN"})
  void noMessageHasAStraightApostropheOrIsEmpty(String suffix) throws IOException {
    for (String bundle : BUNDLES) {
      Properties p = load(bundle, suffix);
      for (String key : p.stringPropertyNames()) {
        assertThat(p.getProperty(key)).as(key).isNotBlank().doesNotContain("'");
      }
    }
  }

  @Test
  void bothLanguagesFillTheSamePlaceholders() throws IOException {
    Map<String, String> en = all("_en");
    Map<String, String> zh = all("_zh_CN");
    Map<String, String> mismatched = new TreeMap<>();
    en.forEach(
        (key, text) -> {
          Set<String> english = placeholders(text);
          Set<String> chinese = placeholders(zh.getOrDefault(key, ""));
          if (!english.equals(chinese)) {
            mismatched.put(key, "en " + english + " zh " + chinese);
          }
        });
    assertThat(mismatched).as("messages whose languages take different arguments").isEmpty();
  }

  @Test
  void theChineseTextsAreChinese() throws IOException {
    Map<String, String> en = all("_en");
    Map<String, String> zh = all("_zh_CN");
    Pattern han = Pattern.compile("\\p{IsHan}");
    // A name ("Stripe", "Markdown") may stay as it is; a phrase is translated.
    Pattern word = Pattern.compile("\\p{IsLatin}{2,}\\s+\\p{IsLatin}{2,}");
    List<String> copied =
        zh.entrySet().stream()
            .filter(e -> e.getValue().equals(en.get(e.getKey())))
            .filter(e -> word.matcher(PLACEHOLDER.matcher(e.getValue()).replaceAll("")).find())
            .map(Map.Entry::getKey)
            .toList();
    long chinese = zh.values().stream().filter(v -> han.matcher(v).find()).count();
    assertThat(copied).as("Chinese texts that are the English copied").isEmpty();
    assertThat(chinese).isGreaterThan(zh.size() * 9L / 10);
  }

  @Test
  void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
    Set<String> known = new HashSet<>(all("_en").keySet());
    Set<String> areas =
        known.stream().map(k -> k.substring(0, k.indexOf('.'))).collect(Collectors.toSet());
    // Any literal that looks like a key of one of the files' areas, unless code completes it.
    Pattern literal =
        Pattern.compile(
            "\"((?:"
                + String.join("|", new TreeSet<>(areas))
                + ")\\.[a-z0-9][a-z0-9.\\-]*[a-z0-9])\"(?!\\s*\\+)");
    Set<String> used = new TreeSet<>();
    for (String text : sources().values()) {
      for (Pattern pattern : List.of(KEY_IN_CODE, literal)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(1000);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(known);
    missing.removeAll(NOT_MESSAGE_KEYS);
    // Problem codes ("membership.nothing-to-cancel") are looked up as "problem.<code>", which
    // everyProblemCodeHasATitleAndATextInBothLanguages checks.
    missing.removeAll(problemCodes());
    assertThat(missing).as("message keys used but not defined").isEmpty();
  }

  @Test
  void everyProblemCodeHasATitleAndATextInBothLanguages() throws IOException {
    Map<String, String> en = all("_en");
    Map<String, String> zh = all("_zh_CN");
    Set<String> codes = problemCodes();
    assertThat(codes).hasSizeGreaterThan(30);
    Set<String> missing = new TreeSet<>();
    for (String code : codes) {
      for (String key : List.of("problem." + code, "problem." + code + ".title")) {
        if (!en.containsKey(key) || !zh.containsKey(key)) {
          missing.add(key);
        }
      }
    }
    assertThat(missing)
        .as("problems shown on pages and in the API without a text (the key would show)")
        .isEmpty();
  }

  private static Set<String> problemCodes() throws IOException {
    Set<String> codes = new TreeSet<>();
    for (String text : sources().values()) {
      Matcher m = PROBLEM_CODE.matcher(text);
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    return codes;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
