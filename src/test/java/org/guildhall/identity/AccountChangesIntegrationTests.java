package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.guildhall.identity.IdentityEvents.EmailChangeRequested;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.PasswordResetRequested;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changing password and e-mail over the API (both need the current password), and the one-time
 * links: single use, superseded by a newer one, and expiring.
 */
@WebIntegrationTest
class AccountChangesIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired CapturedEvents events;
  @Autowired MutableClock clock;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  record Response(int status, JsonNode body) {

    java.util.List<String> fields() {
      return body.get("errors").findValuesAsString("field");
    }
  }

  Response call(String method, String path, String body, String token) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(), response.body().isBlank() ? null : json.readTree(response.body()));
  }

  String email(Person person) {
    return jdbc.sql("SELECT email FROM account WHERE id = ?")
        .param(person.id())
        .query(String.class)
        .single();
  }

  @Test
  void changesThePasswordOverTheApiOnlyWithTheCurrentOne() throws Exception {
    Person person = People.provision(identity, "chg");
    Browser laptop = new Browser(port);
    laptop.signIn(person.email(), People.PASSWORD);
    String token = laptop.createAccessToken("cli", "").orElseThrow();

    Response wrong =
        call(
            "PUT",
            "/api/v1/me/password",
            "{\"currentPassword\":\"not it\",\"newPassword\":\"a brand new phrase\"}",
            token);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.fields()).containsExactly("currentPassword");
    Response weak =
        call(
            "PUT",
            "/api/v1/me/password",
            "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newPassword\":\"short\"}",
            token);
    assertThat(weak.status()).isEqualTo(422);
    assertThat(weak.fields()).containsExactly("newPassword");
    Response missing = call("PUT", "/api/v1/me/password", "{}", token);
    assertThat(missing.status()).isEqualTo(422);
    assertThat(new Browser(port).signIn(person.email(), People.PASSWORD).location())
        .as("nothing changed yet")
        .doesNotContain("error");

    Response ok =
        call(
            "PUT",
            "/api/v1/me/password",
            "{\"currentPassword\":\""
                + People.PASSWORD
                + "\",\"newPassword\":\"a brand new phrase\"}",
            token);
    assertThat(ok.status()).isEqualTo(204);
    assertThat(laptop.get("/settings/account").status()).as("other sessions end").isEqualTo(302);
    assertThat(new Browser(port).signIn(person.email(), People.PASSWORD).location())
        .contains("error");
    assertThat(new Browser(port).signIn(person.email(), "a brand new phrase").location())
        .doesNotContain("error");
    assertThat(call("GET", "/api/v1/me", "", token).status())
        .as("access tokens stay valid")
        .isEqualTo(200);
  }

  @Test
  void changesTheEmailOverTheApiOnceTheNewAddressConfirms() throws Exception {
    Person person = People.provision(identity, "chg");
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    String token = browser.createAccessToken("cli", "").orElseThrow();
    String next = "new-" + person.email();

    Response wrong =
        call(
            "POST",
            "/api/v1/me/email",
            "{\"currentPassword\":\"nope\",\"newEmail\":\"" + next + "\"}",
            token);
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.fields()).containsExactly("currentPassword");
    Response taken =
        call(
            "POST",
            "/api/v1/me/email",
            "{\"currentPassword\":\""
                + People.PASSWORD
                + "\",\"newEmail\":\" Owner@Guildhall.DEMO \"}",
            token);
    assertThat(taken.status()).isEqualTo(422);
    assertThat(taken.fields()).containsExactly("newEmail");
    Response malformed =
        call(
            "POST",
            "/api/v1/me/email",
            "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newEmail\":\"nobody@\"}",
            token);
    assertThat(malformed.fields()).containsExactly("newEmail");

    Response accepted =
        call(
            "POST",
            "/api/v1/me/email",
            "{\"currentPassword\":\"" + People.PASSWORD + "\",\"newEmail\":\" " + next + " \"}",
            token);
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(email(person)).as("unchanged until confirmed").isEqualTo(person.email());
    String link = events.await(EmailChangeRequested.class, e -> e.newEmail().equals(next)).token();
    // Opened on another device: sign in first (with the old address), then it goes on.
    Browser phone = new Browser(port);
    Page confirm = phone.get("/settings/email/confirm?token=" + link);
    assertThat(confirm.location()).endsWith("/login");
    assertThat(email(person)).isEqualTo(person.email());
    Page signedIn = phone.signIn(person.email(), People.PASSWORD);
    assertThat(signedIn.location()).contains("/settings/email/confirm?token=");
    assertThat(phone.get(signedIn.location()).location()).endsWith("/settings/account");
    assertThat(email(person)).isEqualTo(next);
    assertThat(call("GET", "/api/v1/me", "", token).body().get("email").asString()).isEqualTo(next);
  }

  @Test
  void aResetLinkWorksOnceIsSupersededByANewerOneAndExpiresAfterAnHour() {
    Person person = People.provision(identity, "rst");
    Browser browser = new Browser(port);
    browser.get("/forgot");
    browser.post("/forgot", Map.of("email", "  " + person.email().toUpperCase() + " "));
    String first =
        events.await(PasswordResetRequested.class, e -> e.email().equals(person.email())).token();
    browser.post("/forgot", Map.of("email", person.email()));
    String second =
        events
            .await(
                PasswordResetRequested.class,
                e -> e.email().equals(person.email()) && !e.token().equals(first))
            .token();
    assertThat(browser.get("/reset?token=" + first).status())
        .as("superseded by the newer link")
        .isEqualTo(410);
    Page stale = browser.post("/reset", Map.of("token", first, "password", "another phrase"));
    assertThat(stale.status()).isEqualTo(410);

    clock.advance(Duration.ofMinutes(61));
    assertThat(browser.get("/reset?token=" + second).status()).as("expired").isEqualTo(410);
    Page late = browser.post("/reset", Map.of("token", second, "password", "another phrase"));
    assertThat(late.status()).isEqualTo(410);
    assertThat(late.body()).contains("data-testid=\"notice\"");
    assertThat(new Browser(port).signIn(person.email(), People.PASSWORD).location())
        .as("the password is unchanged")
        .doesNotContain("error");
  }

  @Test
  void aVerificationLinkExpiresAfterTwoDaysAndANewOneCanBeSent() {
    String address =
        "vfy-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Browser browser = new Browser(port);
    browser.get("/register");
    browser.post(
        "/register",
        Map.of("email", address, "password", "a verify pass phrase", "displayName", "V"));
    String link =
        events.await(EmailVerificationRequested.class, e -> e.email().equals(address)).token();
    clock.advance(Duration.ofHours(49));
    assertThat(browser.get("/verify?token=" + link).status()).isEqualTo(410);

    browser.signIn(address, "a verify pass phrase");
    browser.get("/");
    assertThat(browser.post("/verify/resend", Map.of()).status()).isEqualTo(302);
    String fresh =
        events
            .await(
                EmailVerificationRequested.class,
                e -> e.email().equals(address) && !e.token().equals(link))
            .token();
    assertThat(browser.get("/verify?token=" + fresh).status()).isEqualTo(302);
    assertThat(
            jdbc.sql("SELECT email_verified_at FROM account WHERE email = ?")
                .param(address)
                .query(java.sql.Timestamp.class)
                .single())
        .isNotNull();
  }
}
