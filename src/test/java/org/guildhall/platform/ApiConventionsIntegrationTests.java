package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.ApiClient;
import org.guildhall.support.ApiClient.Response;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way an API call can go wrong answers an RFC 9457 problem: {@code application/problem+json}
 * with a type URI that resolves to a page explaining it, a localized title and detail, the status,
 * the called path as instance and the request id — never a redirect, an HTML page or an exception
 * text. Plus the OpenAPI document that says so.
 */
@WebIntegrationTest
class ApiConventionsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JsonMapper json;
  @Autowired IdentityApi identity;

  final List<Response> problems = new ArrayList<>();
  String token;

  @BeforeEach
  void memberWithAToken() {
    Person member = People.provision(identity, "apic");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    token = browser.createAccessToken("conventions", "").orElseThrow();
  }

  ApiClient anonymous() {
    return new ApiClient(port, json).header("Accept-Language", "en");
  }

  ApiClient member() {
    return anonymous().token(token);
  }

  /** Checks the common shape of a problem and remembers it for the type-page check. */
  JsonNode problem(Response response, int status, String type, String path) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("Location")).as("never a redirect").isNull();
    JsonNode body = response.json();
    assertThat(body.get("type").asString()).isEqualTo(type);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("title").asString()).isNotBlank();
    assertThat(body.get("detail").asString()).isNotBlank();
    assertThat(body.get("instance").asString()).isEqualTo(path);
    assertThat(body.get("requestId").asString())
        .isNotBlank()
        .isEqualTo(response.header("X-Request-Id"));
    assertThat(response.body())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("\"trace\"");
    problems.add(response);
    return body;
  }

  @Test
  void everyErrorPathAnswersAProblemWithATypeThatExplainsItself() {
    // 400: a body that is not JSON
    problem(
        member().json("PATCH", "/api/v1/me/profile", "{not json"),
        400,
        "/problems/malformed-request",
        "/api/v1/me/profile");

    // 422: invalid input, every bad field listed with a code and a message
    JsonNode invalid =
        problem(
            anonymous()
                .json(
                    "POST",
                    "/api/v1/accounts",
                    "{\"email\":\"nope\",\"password\":\"short\",\"displayName\":\"\"}"),
            422,
            "/problems/validation",
            "/api/v1/accounts");
    assertThat(invalid.get("errors").findValuesAsString("field"))
        .containsExactlyInAnyOrder("email", "password", "displayName");
    invalid
        .get("errors")
        .forEach(
            error -> {
              assertThat(error.get("code").asString()).isNotBlank();
              assertThat(error.get("message").asString()).isNotBlank();
            });

    // 415: not JSON
    problem(
        member().send("PATCH", "/api/v1/me/profile", "text/plain", "bio".getBytes()),
        415,
        "/problems/http-415",
        "/api/v1/me/profile");

    // 404: no such path — also for a client that prefers HTML
    problem(
        member().header("Accept", "text/html").get("/api/v1/no-such-thing"),
        404,
        "/problems/http-404",
        "/api/v1/no-such-thing");
    // 404: no such thing behind a real path
    String nobody = "/api/v1/members/nobody-" + UUID.randomUUID();
    problem(anonymous().get(nobody), 404, "/problems/member-not-found", nobody);

    // 405: with the methods that are allowed
    Response wrongMethod = member().get("/api/v1/checkout");
    problem(wrongMethod, 405, "/problems/http-405", "/api/v1/checkout");
    assertThat(wrongMethod.header("Allow")).contains("POST");

    // 401: no redirect to the sign-in page, a challenge instead
    Response unauthenticated = anonymous().get("/api/v1/me");
    problem(unauthenticated, 401, "/problems/unauthorized", "/api/v1/me");
    assertThat(unauthenticated.header("WWW-Authenticate")).startsWith("Bearer");
    problem(
        anonymous().token("gh_not-a-real-token").get("/api/v1/me"),
        401,
        "/problems/unauthorized",
        "/api/v1/me");

    // 403: a member is not the owner
    problem(
        member().get("/api/v1/admin/members"), 403, "/problems/forbidden", "/api/v1/admin/members");

    // 409: the state does not allow it
    problem(
        member().json("POST", "/api/v1/membership/resume", "{}"),
        409,
        "/problems/membership.nothing-to-resume",
        "/api/v1/membership/resume");

    // 413: a picture over the avatar limit, with the field
    JsonNode tooLarge =
        problem(
            member()
                .multipart(
                    "PUT",
                    "/api/v1/me/avatar",
                    "avatar",
                    "big.png",
                    "image/png",
                    new byte[3 * 1024 * 1024]),
            413,
            "/problems/upload-too-large",
            "/api/v1/me/avatar");
    assertThat(tooLarge.get("errors").findValuesAsString("field")).containsExactly("avatar");

    // 429: with Retry-After (ten registrations per e-mail address and hour)
    String email = "limit-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Response limited = null;
    for (int i = 0; i < 12; i++) {
      limited =
          anonymous()
              .json(
                  "POST",
                  "/api/v1/accounts",
                  "{\"email\":\"" + email + "\",\"password\":\"x\",\"displayName\":\"x\"}");
    }
    problem(limited, 429, "/problems/too-many-requests", "/api/v1/accounts");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);

    // Every type URI resolves to a page that explains it, in the reader's language.
    for (Response response : problems) {
      String type = response.json().get("type").asString();
      Browser.Page page = new Browser(port).language("en").get(type);
      assertThat(page.status()).as(type).isEqualTo(200);
      assertThat(page.body()).as(type).contains(response.json().get("title").asString());
    }
    assertThat(new Browser(port).get("/problems/no-such-problem").status()).isEqualTo(404);
  }

  @Test
  void problemsSpeakTheCallersLanguageAndCarryTheRequestIdTheCallerGave() {
    Response zh =
        new ApiClient(port, json)
            .header("Accept-Language", "zh-CN")
            .header("X-Request-Id", "lb-7f3a.42")
            .get("/api/v1/me");
    JsonNode body = problem(zh, 401, "/problems/unauthorized", "/api/v1/me");
    assertThat(body.get("title").asString()).isEqualTo("需要身份验证");
    assertThat(body.get("requestId").asString()).isEqualTo("lb-7f3a.42");

    Response forged =
        anonymous().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/me");
    assertThat(forged.header("X-Request-Id"))
        .as("an unusable id from outside is replaced")
        .matches("[0-9a-f]{16}");
  }

  @Test
  void aSignedInBrowserNeedsTheCsrfTokenToWriteAndIsToldSo() {
    Browser browser = new Browser(port);
    browser.signIn("free@guildhall.demo", "guildhall-demo");
    String session = "GUILDHALL_SESSION=" + browser.cookie("GUILDHALL_SESSION").orElseThrow();
    JsonNode refused =
        problem(
            anonymous().header("Cookie", session).json("PATCH", "/api/v1/me/profile", "{}"),
            403,
            "/problems/csrf",
            "/api/v1/me/profile");
    assertThat(refused.get("detail").asString()).contains("X-CSRF-TOKEN");
  }

  /** Follows {@code next} as {@code after} with pages of one; returns the ids seen. */
  List<String> walk(String path, int pages) {
    List<String> ids = new ArrayList<>();
    String after = null;
    for (int i = 0; i < pages; i++) {
      String url = path + "&size=1" + (after == null ? "" : "&after=" + after);
      JsonNode page = anonymous().get(url).json();
      assertThat(page.get("items").size()).as(url).isEqualTo(1);
      ids.add(page.get("items").get(0).get("id").asString());
      assertThat(page.has("next")).as(url).isTrue();
      after = page.get("next").asString();
    }
    return ids;
  }

  @Test
  void listsAnswerTheSameEnvelopeAndPageOnWithAfter() {
    assertThat(walk("/api/v1/catalog?kind=course", 2)).doesNotHaveDuplicates();
    assertThat(walk("/api/v1/search?q=%E4%BC%9A%E5%91%98", 2)).doesNotHaveDuplicates();
  }

  @Test
  void theOpenApiDocumentDescribesAuthenticationAndProblems() {
    Response doc = anonymous().get("/api/docs/openapi.json");
    assertThat(doc.status()).isEqualTo(200);
    JsonNode api = doc.json();
    assertThat(api.get("info").get("title").asString()).isEqualTo("Guildhall API");
    JsonNode schemes = api.get("components").get("securitySchemes");
    assertThat(schemes.get("accessToken").get("scheme").asString()).isEqualTo("bearer");
    assertThat(schemes.get("sessionCookie").get("in").asString()).isEqualTo("cookie");
    assertThat(schemes.get("sessionCookie").get("name").asString()).isEqualTo("GUILDHALL_SESSION");
    assertThat(
            api.get("components").get("schemas").get("Problem").get("properties").propertyNames())
        .contains("type", "title", "status", "detail", "instance", "requestId", "errors");

    JsonNode me = api.get("paths").get("/api/v1/me").get("get");
    assertThat(me.get("responses").get("200").get("content").has("application/json")).isTrue();
    assertThat(
            me.get("responses")
                .get("4XX")
                .get("content")
                .get("application/problem+json")
                .get("schema")
                .get("$ref")
                .asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(api.get("paths").get("/api/v1/me/avatar").has("put")).isTrue();
    assertThat(api.get("paths").get("/api/v1/me/avatar").has("delete")).isTrue();
    for (String upload : List.of("/api/v1/me/avatar:put", "/api/v1/media:post")) {
      String[] pathAndMethod = upload.split(":");
      JsonNode body =
          api.get("paths").get(pathAndMethod[0]).get(pathAndMethod[1]).get("requestBody");
      assertThat(body.get("content").get("multipart/form-data").toString())
          .as(upload + " documents its file field")
          .contains("\"format\":\"binary\"");
    }

    Browser visitor = new Browser(port);
    Browser.Page docs = visitor.get("/api/docs");
    assertThat(docs.status()).isEqualTo(302);
    Browser.Page ui = visitor.get(docs.location());
    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui");
    assertThat(visitor.get("/api/swagger-ui/swagger-initializer.js").status()).isEqualTo(200);
  }
}
