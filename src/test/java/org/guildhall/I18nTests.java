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
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both languages have every message, and every key a template or class names exists. */
class I18nTests {

  static final List<String> BUNDLES = List.of("messages", "notification");
  static final Pattern KEY_IN_CODE =
      Pattern.compile(
          "(?<![A-Za-z])(?:msg|t)\\(\"([a-z0-9][a-z0-9\\-]*\\.[a-z0-9.\\-]*[a-z0-9])\"");
  static final Pattern KEY_LITERAL =
      Pattern.compile(
          "\"((?:validation|problem|identity|settings|admin|error|home|section|nav|ui|role|profile)\\.[a-z0-9.\\-]*[a-z0-9])\"");

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

  @ParameterizedTest
  @ValueSource(strings = {"messages", "notification"})
  void bothLanguagesHaveTheSameKeys(String bundle) throws IOException {
    Set<String> en = load(bundle, "_en").stringPropertyNames();
    Set<String> zh = load(bundle, "_zh_CN").stringPropertyNames();
    assertThat(en).isNotEmpty();
    assertThat(new TreeSet<>(zh)).as("keys of %s_zh_CN", bundle).isEqualTo(new TreeSet<>(en));
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
  void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
    Set<String> known = new HashSet<>();
    for (String bundle : BUNDLES) {
      known.addAll(load(bundle, "_en").stringPropertyNames());
    }
    Set<String> used = new TreeSet<>();
    for (String root : List.of("src/main/jte", "src/main/java")) {
      try (Stream<Path> files = Files.walk(Path.of(root))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String text = Files.readString(file);
          for (Pattern pattern : List.of(KEY_IN_CODE, KEY_LITERAL)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
              used.add(m.group(1));
            }
          }
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(known);
    // Keys built at run time ("error." + status, "role." + name) are checked by the pages' tests.
    missing.removeIf(k -> k.endsWith("."));
    assertThat(missing).as("message keys used but not defined").isEmpty();
  }
}
