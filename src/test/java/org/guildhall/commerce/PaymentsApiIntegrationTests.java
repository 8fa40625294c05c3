package org.guildhall.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The payments and membership API with a personal access token, and its OpenAPI description. */
@WebIntegrationTest
class PaymentsApiIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JsonMapper json;
  final HttpClient http = HttpClient.newHttpClient();
  String token;

  record Response(int status, String contentType, JsonNode body) {}

  @BeforeEach
  void member() {
    People.Person person = People.provision(identity, "api");
    Browser browser = new Browser(port);
    browser.signIn(person.email(), People.PASSWORD);
    token = browser.createAccessToken("tests", "30").orElseThrow();
  }

  Response call(String method, String path, String body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", "Bearer " + token)
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

  @Test
  void quotesCheckoutWithAnIdempotencyKeyAndOrders() throws Exception {
    Response quote = call("GET", "/api/v1/quotes?item=membership/premium:YEARLY", null, Map.of());
    assertThat(quote.status()).isEqualTo(200);
    assertThat(quote.body().get("total").get("minor").asLong()).isEqualTo(29900);
    assertThat(quote.body().get("lines").get(0).get("kind").asString()).isEqualTo("LIST");

    String key = "api-" + UUID.randomUUID();
    Response first =
        call(
            "POST",
            "/api/v1/checkout",
            "{\"item\":\"membership/premium:YEARLY\"}",
            Map.of("Idempotency-Key", key));
    Response again =
        call(
            "POST",
            "/api/v1/checkout",
            "{\"item\":\"membership/premium:YEARLY\"}",
            Map.of("Idempotency-Key", key));
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("status").asString()).isEqualTo("PENDING");
    assertThat(first.body().get("redirectUrl").asString()).contains("/pay/sandbox/");
    assertThat(again.body().get("orderId").asString())
        .isEqualTo(first.body().get("orderId").asString());
    assertThat(again.body().get("existing").asBoolean()).isTrue();

    Response orders = call("GET", "/api/v1/orders", null, Map.of());
    assertThat(orders.body().get("items")).hasSize(1);
    Response order =
        call("GET", "/api/v1/orders/" + first.body().get("orderId").asString(), null, Map.of());
    assertThat(order.body().get("total").get("minor").asLong()).isEqualTo(29900);
  }

  @Test
  void badInputIsAProblemWithTheFieldsAndChangesNothing() throws Exception {
    Response noKey =
        call("POST", "/api/v1/checkout", "{\"item\":\"membership/premium:YEARLY\"}", Map.of());
    assertThat(noKey.status()).isEqualTo(422);
    assertThat(noKey.contentType()).startsWith("application/problem+json");
    assertThat(noKey.body().get("errors").findValuesAsString("field"))
        .containsExactly("idempotencyKey");

    Response badCoupon =
        call(
            "POST",
            "/api/v1/checkout",
            "{\"item\":\"membership/premium:YEARLY\",\"coupon\":\"NOSUCH\"}",
            Map.of("Idempotency-Key", "api-" + UUID.randomUUID()));
    assertThat(badCoupon.status()).isEqualTo(422);
    assertThat(badCoupon.body().get("errors").findValuesAsString("field"))
        .containsExactly("coupon");

    Response unknown = call("GET", "/api/v1/quotes?item=membership/diamond:YEARLY", null, Map.of());
    assertThat(unknown.status()).isEqualTo(404);

    Response cancel =
        call("POST", "/api/v1/membership/cancel", "{\"reason\":\"whatever\"}", Map.of());
    assertThat(cancel.status()).isEqualTo(422);
    assertThat(cancel.body().get("errors").findValuesAsString("field")).containsExactly("reason");

    assertThat(call("GET", "/api/v1/orders", null, Map.of()).body().get("items")).isEmpty();
  }

  @Test
  void theTrialAndTheMembershipOverTheApi() throws Exception {
    Response tiers = call("GET", "/api/v1/tiers", null, Map.of());
    assertThat(tiers.body().findValuesAsString("slug")).contains("premium", "basic");
    Response started = call("POST", "/api/v1/membership/trial", "{\"tier\":\"premium\"}", Map.of());
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.body().get("membership").get("status").asString()).isEqualTo("TRIALING");
    Response twice = call("POST", "/api/v1/membership/trial", "{\"tier\":\"premium\"}", Map.of());
    assertThat(twice.status()).isEqualTo(409);
  }

  @Test
  void theOpenApiDocumentDescribesPaymentsAndMembership() throws Exception {
    Response doc = call("GET", "/api/docs/openapi.json", null, Map.of());
    assertThat(doc.body().get("paths").propertyNames())
        .contains(
            "/api/v1/quotes",
            "/api/v1/checkout",
            "/api/v1/orders",
            "/api/v1/orders/{id}",
            "/api/v1/tiers",
            "/api/v1/membership",
            "/api/v1/membership/cancel",
            "/api/v1/payments/notify/{gateway}");
  }
}
