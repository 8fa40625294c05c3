package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing form in every template carries the CSRF token (htmx requests send it as a
 * header, see {@code CsrfIntegrationTests}). Together with Spring Security's CSRF filter this makes
 * "CSRF on every form" hold for forms added later too.
 */
class CsrfFormTests {

  static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  static final Pattern POST = Pattern.compile("method\\s*=\\s*\"post\"", Pattern.CASE_INSENSITIVE);
  static final Pattern GET = Pattern.compile("method\\s*=\\s*\"get\"", Pattern.CASE_INSENSITIVE);

  static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
      return files.filter(p -> p.toString().endsWith(".jte")).toList();
    }
  }

  @Test
  void everyPostFormCarriesTheCsrfToken() throws IOException {
    List<String> missing = new ArrayList<>();
    int forms = 0;
    for (Path template : templates()) {
      String text = Files.readString(template);
      Matcher m = FORM.matcher(text);
      while (m.find()) {
        String tag = m.group();
        assertThat(POST.matcher(tag).find() || GET.matcher(tag).find())
            .as("%s: a form says its method (%s)", template, tag)
            .isTrue();
        if (POST.matcher(tag).find()) {
          forms++;
          int end = text.indexOf("</form>", m.end());
          String body = text.substring(m.end(), end < 0 ? text.length() : end);
          if (!body.contains("@template.ui.csrf(") && !body.contains("ctx.csrfToken()")) {
            missing.add(template + ": " + tag);
          }
        }
      }
    }
    assertThat(forms).as("the scan finds the forms").isGreaterThan(30);
    assertThat(missing).as("post forms without a CSRF token").isEmpty();
  }
}
