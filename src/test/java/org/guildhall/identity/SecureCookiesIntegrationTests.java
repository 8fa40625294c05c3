package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind HTTPS ({@code guildhall.security.secure-cookies=true}) every cookie the server sets is
 * Secure, HttpOnly and SameSite: the session (also when remembered), the CSRF token, the device
 * cookie and the language.
 */
@WebIntegrationTest
@TestPropertySource(properties = "guildhall.security.secure-cookies=true")
class SecureCookiesIntegrationTests {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  static String cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cookie " + name));
  }

  @Test
  void everyCookieIsSecureHttpOnlyAndSameSite() throws Exception {
    HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")));
    String csrfCookie = cookie(login, "GUILDHALL_CSRF");
    Matcher token = CSRF.matcher(login.body());
    assertThat(token.find()).isTrue();

    String form =
        "email=premium%40guildhall.demo&password=guildhall-demo&remember-me=true&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

    for (String cookie :
        List.of(
            csrfCookie,
            cookie(signedIn, "GUILDHALL_SESSION"),
            cookie(signedIn, "gh_device"),
            cookie(signedIn, "gh_lang"))) {
      assertThat(cookie).as(cookie).containsIgnoringCase("; Secure").contains("HttpOnly");
      assertThat(cookie).as(cookie).containsPattern("SameSite=(Lax|Strict)");
    }
    assertThat(cookie(signedIn, "GUILDHALL_SESSION")).as("remembered").contains("Max-Age=");

    HttpResponse<String> failed =
        send(
            HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        form.replace("guildhall-demo", "wrong-password"))));
    assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("error");
    assertThat(cookie(failed, "gh_login_email"))
        .containsIgnoringCase("; Secure")
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .contains("Path=/login");
    assertThat(cookie(signedIn, "gh_device")).contains("SameSite=Strict").contains("Path=/login");
  }
}
