package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON API: problem details, personal access tokens, CSRF rules, OpenAPI. */
@WebIntegrationTest
class IdentityApiIntegrationTests {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  record Response(int status, String contentType, JsonNode body) {}

  Response call(String method, String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    headers.forEach(request::header);
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Content-Type").orElse(""),
        response.body().isBlank() ? null : json.readTree(response.body()));
  }

  static String email() {
    return "api-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void registrationErrorsAreProblemDetailsWithEveryBadField() throws Exception {
    Response bad =
        call(
            "POST",
            "/api/v1/accounts",
            "{\"email\":\"nope\",\"password\":\"short\",\"displayName\":\"\"}",
            Map.of());
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body().get("type").asText()).isEqualTo("/problems/validation");
    assertThat(bad.body().get("title").asText()).isEqualTo("Invalid input");
    assertThat(bad.body().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("email", "password", "displayName");
    assertThat(bad.body().toString()).doesNotContain("Exception").doesNotContain("trace");

    Response zh =
        call(
            "POST",
            "/api/v1/accounts",
            "{\"email\":\"nope\",\"password\":\"long enough phrase\",\"displayName\":\"x\"}",
            Map.of("Accept-Language", "zh-CN"));
    assertThat(zh.body().get("errors").get(0).get("message").asText()).contains("邮箱");

    Response malformed = call("POST", "/api/v1/accounts", "{not json", Map.of());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("type").asText()).isEqualTo("/problems/malformed-request");
  }

  @Test
  void registersAndUsesAPersonalAccessToken() throws Exception {
    String email = email();
    Response created =
        call(
            "POST",
            "/api/v1/accounts",
            "{\"email\":\""
                + email
                + "\",\"password\":\"api pass phrase\",\"displayName\":\"API 用户\",\"language\":\"en\"}",
            Map.of());
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("email").asText()).isEqualTo(email);
    assertThat(created.body().get("emailVerified").asBoolean()).isFalse();

    Response anonymous = call("GET", "/api/v1/me", null, Map.of());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");

    // Create a token on the profile page, as a member would.
    Browser browser = new Browser(port);
    browser.signIn(email, "api pass phrase");
    Optional<String> secret = browser.createAccessToken("my script", "30");
    assertThat(secret).isPresent();
    String token = secret.get();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM access_token WHERE token_hash LIKE ?")
                .param("%" + token + "%")
                .query(Long.class)
                .single())
        .as("the secret itself is never stored")
        .isZero();

    Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
    Response me = call("GET", "/api/v1/me", null, auth);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().get("displayName").asText()).isEqualTo("API 用户");

    Response patched =
        call(
            "PATCH",
            "/api/v1/me/profile",
            "{\"bio\":\"hello\",\"timeZone\":\"Europe/Berlin\"}",
            auth);
    assertThat(patched.status()).isEqualTo(200);
    assertThat(patched.body().get("bio").asText()).isEqualTo("hello");
    assertThat(patched.body().get("timeZone").asText()).isEqualTo("Europe/Berlin");

    Response badZone =
        call(
            "PATCH",
            "/api/v1/me/profile",
            "{\"timeZone\":\"Mars/Base\",\"links\":[\"javascript:alert(1)\"]}",
            auth);
    assertThat(badZone.status()).isEqualTo(422);
    assertThat(badZone.body().get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("timeZone", "links");
    assertThat(call("GET", "/api/v1/me", null, auth).body().get("timeZone").asText())
        .isEqualTo("Europe/Berlin");

    Response handle =
        call("GET", "/api/v1/members/" + me.body().get("handle").asText(), null, Map.of());
    assertThat(handle.status()).isEqualTo(200);
    assertThat(handle.body().has("email")).as("public profiles never show e-mail").isFalse();

    assertThat(call("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer gh_wrong")).status())
        .isEqualTo(401);

    String tokenId =
        jdbc.sql("SELECT id FROM access_token WHERE name = 'my script' AND account_id = ?")
            .param(UUID.fromString(me.body().get("id").asText()))
            .query(String.class)
            .single();
    browser.get("/settings/tokens");
    browser.post("/settings/tokens/" + tokenId + "/revoke", Map.of());
    assertThat(call("GET", "/api/v1/me", null, auth).status()).as("revoked").isEqualTo(401);
  }

  @Test
  void cookieAuthenticatedApiWritesNeedTheCsrfHeader() throws Exception {
    Browser browser = new Browser(port);
    browser.signIn("free@guildhall.demo", "guildhall-demo");
    String session = "GUILDHALL_SESSION=" + browser.cookie("GUILDHALL_SESSION").orElseThrow();
    Response forged =
        call("PATCH", "/api/v1/me/profile", "{\"bio\":\"forged\"}", Map.of("Cookie", session));
    assertThat(forged.status()).isEqualTo(403);
    browser.get("/");
    // A browser sends its CSRF cookie with every request; the header must match it.
    String cookies = session + "; GUILDHALL_CSRF=" + browser.cookie("GUILDHALL_CSRF").orElseThrow();
    Response withHeader =
        call(
            "PATCH",
            "/api/v1/me/profile",
            "{\"bio\":\"mine\"}",
            Map.of("Cookie", cookies, "X-CSRF-TOKEN", browser.csrf()));
    assertThat(withHeader.status()).isEqualTo(200);
    assertThat(withHeader.body().get("bio").asText()).isEqualTo("mine");
  }

  @Test
  void theOpenApiDocumentDescribesTheIdentityEndpoints() throws Exception {
    Response doc = call("GET", "/api/docs/openapi.json", null, Map.of());
    assertThat(doc.status()).isEqualTo(200);
    assertThat(doc.body().get("paths").has("/api/v1/accounts")).isTrue();
    assertThat(doc.body().get("paths").has("/api/v1/me")).isTrue();
    assertThat(doc.body().get("paths").has("/api/v1/me/profile")).isTrue();
  }
}
