package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input gets a clear message next to the field (pages) or a problem+json listing the fields
 * (API), and creates or changes nothing: no account row, no profile change, no stored picture.
 */
@WebIntegrationTest
class BadInputIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired IdentityApi identity;

  final HttpClient http = HttpClient.newHttpClient();

  record Response(int status, String contentType, JsonNode body) {

    List<String> fields() {
      return body.get("errors").findValuesAsString("field");
    }

    String message(String field) {
      for (JsonNode error : body.get("errors")) {
        if (error.get("field").asString().equals(field)) {
          return error.get("message").asString();
        }
      }
      return null;
    }
  }

  Response send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body().isBlank() ? null : json.readTree(response.body()));
  }

  Response postJson(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Accept-Language", "en")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  Response putAvatar(String token, String fileName, byte[] file) throws Exception {
    String boundary = "----gh" + UUID.randomUUID();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: image/png\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + file.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(file, 0, body, head.length, file.length);
    System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
    return send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/avatar"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Accept", "application/json")
            .header("Accept-Language", "en")
            .header("Authorization", "Bearer " + token)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  long accounts() {
    return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
  }

  static long storedAvatars() throws IOException {
    Path dir = Path.of("target/test-media/avatars");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  static String email() {
    return "bad-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  static String registration(String email, String password, String displayName) {
    return "{\"email\":"
        + (email == null ? "null" : "\"" + email + "\"")
        + ",\"password\":"
        + (password == null ? "null" : "\"" + password + "\"")
        + ",\"displayName\":"
        + (displayName == null ? "null" : "\"" + displayName + "\"")
        + "}";
  }

  @Test
  void registrationPageNamesEveryBadFieldAndCreatesNothing() {
    Browser browser = new Browser(port);
    browser.get("/register");
    long before = accounts();
    record Case(String email, String password, String name, String field, String message) {}
    List<Case> cases =
        List.of(
            new Case("  OWNER@GuildHall.demo ", "a fine pass phrase", "Ann", "email", "already"),
            new Case("", "a fine pass phrase", "Ann", "email", "Enter your email"),
            new Case("ann@", "a fine pass phrase", "Ann", "email", "valid email"),
            new Case("ann at example.com", "a fine pass phrase", "Ann", "email", "valid email"),
            new Case(email(), "", "Ann", "password", "Enter a password"),
            new Case(email(), "short", "Ann", "password", "at least 8"),
            new Case(email(), "x".repeat(129), "Ann", "password", "at most 128"),
            new Case(email(), "12345678", "Ann", "password", "too easy"),
            new Case(email(), "a fine pass phrase", "", "displayName", "Enter a display name"),
            new Case(email(), "a fine pass phrase", "   ", "displayName", "Enter a display name"),
            new Case(email(), "a fine pass phrase", "名".repeat(41), "displayName", "40"));
    for (Case c : cases) {
      Page page =
          browser.post(
              "/register",
              Map.of("email", c.email(), "password", c.password(), "displayName", c.name()));
      assertThat(page.status()).as(c.toString()).isEqualTo(422);
      assertThat(page.body())
          .as(c.toString())
          .contains("data-testid=\"error-" + c.field() + "\"")
          .contains(c.message())
          .contains("data-testid=\"form-errors\"")
          .doesNotContain("value=\"" + c.password() + "\"");
    }
    assertThat(accounts()).isEqualTo(before);
  }

  @Test
  void registrationApiListsEveryBadFieldAndCreatesNothing() throws Exception {
    long before = accounts();
    Response taken =
        postJson(
            "/api/v1/accounts",
            registration("  Premium@GUILDHALL.demo  ", "a fine pass phrase", "Ann"));
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.contentType()).startsWith("application/problem+json");
    assertThat(taken.body().get("type").asString()).isEqualTo("/problems/validation");
    assertThat(taken.fields()).containsExactly("email");
    assertThat(taken.message("email")).contains("already");

    Response empty = postJson("/api/v1/accounts", registration(null, null, null));
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.fields()).containsExactlyInAnyOrder("email", "password", "displayName");

    Response overlong =
        postJson("/api/v1/accounts", registration(email(), "p".repeat(129), "x".repeat(41)));
    assertThat(overlong.fields()).containsExactlyInAnyOrder("password", "displayName");
    assertThat(overlong.message("password")).contains("128");

    Response malformed = postJson("/api/v1/accounts", "{\"email\": [1, 2");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");
    assertThat(accounts()).isEqualTo(before);

    // 64 characters is well within the limit.
    String email = email();
    Response ok =
        postJson("/api/v1/accounts", registration(email, "p4ss-".repeat(12) + "abcd", "Ann"));
    assertThat(ok.status()).isEqualTo(201);
    assertThat(accounts()).isEqualTo(before + 1);
    assertThat(
            jdbc.sql("SELECT password_hash FROM account WHERE email = ?")
                .param(email)
                .query(String.class)
                .single())
        .startsWith("{argon2}$argon2id$")
        .doesNotContain("p4ss-");
  }

  Map<String, String> profileForm(String name) {
    Map<String, String> form = new HashMap<>();
    form.put("displayName", name);
    form.put("bio", "");
    form.put("links", "");
    form.put("timeZone", "Asia/Shanghai");
    form.put("language", "en");
    return form;
  }

  @Test
  void aBadAvatarOnTheProfilePageChangesNothingAtAll() throws Exception {
    Person person = People.provision(identity, "bad");
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    browser.get("/settings/profile");
    long stored = storedAvatars();
    record Case(String name, byte[] file, int status, String message) {}
    byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
    byte[] png = AvatarSamples.png(8, 8);
    System.arraycopy(png, 0, twentyMegabytes, 0, png.length);
    for (Case c :
        List.of(
            new Case("page.png", AvatarSamples.htmlPretendingToBeAPng(), 415, "PNG, JPEG or GIF"),
            new Case("huge.png", twentyMegabytes, 413, "larger than 2 MB"),
            new Case("bomb.png", AvatarSamples.pngBomb(100_000, 100_000, 1), 422, "8000"),
            new Case("empty.png", AvatarSamples.pngBomb(0, 0, 0), 422, ""))) {
      Page refused =
          browser.postMultipart(
              "/settings/profile",
              profileForm("Renamed " + c.name()),
              "avatar",
              c.name(),
              "image/png",
              c.file());
      assertThat(refused.status()).as(c.name()).isEqualTo(c.status());
      assertThat(refused.body())
          .as(c.name())
          .contains("data-testid=\"error-avatar\"")
          .contains(c.message());
    }
    assertThat(storedAvatars()).as("no file stored").isEqualTo(stored);
    AccountSummary after = identity.find(new AccountId(person.id())).orElseThrow();
    assertThat(after.displayName()).as("the rest of the form is not saved").startsWith("Test ");
    assertThat(after.avatarUrl()).isNull();

    Page tooLongName = browser.post("/settings/profile", profileForm("n".repeat(41)));
    assertThat(tooLongName.status()).isEqualTo(422);
    assertThat(tooLongName.body()).contains("data-testid=\"error-displayName\"");
    Page control = browser.post("/settings/profile", profileForm("tab\there"));
    assertThat(control.body()).contains("data-testid=\"error-displayName\"");
    assertThat(identity.find(new AccountId(person.id())).orElseThrow().displayName())
        .startsWith("Test ");
  }

  @Test
  void aBadAvatarOverTheApiIsAProblemWithTheFieldAndChangesNothing() throws Exception {
    Person person = People.provision(identity, "bad");
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    String token = browser.createAccessToken("avatar script", "1").orElseThrow();
    long stored = storedAvatars();

    Response html = putAvatar(token, "page.png", AvatarSamples.htmlPretendingToBeAPng());
    assertThat(html.status()).isEqualTo(415);
    assertThat(html.contentType()).startsWith("application/problem+json");
    assertThat(html.fields()).containsExactly("avatar");
    Response bomb = putAvatar(token, "bomb.png", AvatarSamples.pngBomb(100_000, 100_000, 1));
    assertThat(bomb.status()).isEqualTo(422);
    assertThat(bomb.message("avatar")).contains("8000");
    Response huge = putAvatar(token, "huge.png", new byte[20 * 1024 * 1024]);
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.message("avatar")).contains("2 MB");
    Response none = putAvatar(token, "none.png", new byte[0]);
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.fields()).containsExactly("avatar");
    assertThat(storedAvatars()).isEqualTo(stored);
    assertThat(identity.find(new AccountId(person.id())).orElseThrow().avatarUrl()).isNull();

    Response ok = putAvatar(token, "me.png", AvatarSamples.png(300, 200));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().get("avatarUrl").asString()).matches("/media/avatars/[a-z0-9-]+\\.jpg");
    assertThat(storedAvatars()).isEqualTo(stored + 1);
    Response replaced = putAvatar(token, "me2.png", AvatarSamples.png(200, 300));
    assertThat(replaced.body().get("avatarUrl").asString())
        .isNotEqualTo(ok.body().get("avatarUrl").asString());
    assertThat(storedAvatars()).as("the old picture is removed").isEqualTo(stored + 1);

    Response removed =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me/avatar"))
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
    assertThat(removed.status()).isEqualTo(200);
    JsonNode avatarUrl = removed.body().path("avatarUrl");
    assertThat(avatarUrl.isNull() || avatarUrl.isMissingNode()).as("initials are shown").isTrue();
    assertThat(storedAvatars()).isEqualTo(stored);
  }

  @Test
  void registrationIsLimitedPerEmailWithAClearAnswer() throws Exception {
    // Tests raise the per-address limits; the per-e-mail limit (10 an hour) holds as in production.
    String taken = People.provision(identity, "lim").email();
    Browser browser = new Browser(port);
    browser.get("/register");
    for (int i = 0; i < 10; i++) {
      browser.post(
          "/register",
          Map.of("email", taken, "password", "a fine pass phrase", "displayName", "Ann"));
    }
    Page limited =
        browser.post(
            "/register",
            Map.of(
                "email",
                " " + taken.toUpperCase() + " ",
                "password",
                "a fine pass phrase",
                "displayName",
                "A"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.body()).contains("data-testid=\"form-errors\"").contains("Too many");

    String email = email();
    for (int i = 0; i < 10; i++) {
      postJson("/api/v1/accounts", registration(email, "short", "Ann"));
    }
    Response api = postJson("/api/v1/accounts", registration(email, "a fine pass phrase", "Ann"));
    assertThat(api.status()).isEqualTo(429);
    assertThat(api.contentType()).startsWith("application/problem+json");
    assertThat(api.body().get("type").asString()).endsWith("too-many-requests");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM account WHERE email = ?")
                .param(email)
                .query(Long.class)
                .single())
        .isZero();
  }
}
