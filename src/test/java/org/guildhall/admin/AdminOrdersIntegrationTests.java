package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.admin.CommerceFixtures.Buyer;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.MutableClock;
import org.guildhall.support.SqlCounter;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's orders: filters, keyset "load more" paging (page, htmx and API), the CSV export, a
 * fixed number of statements per page, and refunds through the order page.
 */
@WebIntegrationTest
class AdminOrdersIntegrationTests {

  static final Pattern ORDER_ROW =
      Pattern.compile("data-testid=\"order-row\" data-order=\"([^\"]+)\"");
  static final Pattern MORE = Pattern.compile("hx-get=\"(/admin/orders\\?[^\"]+)\"");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired CommerceApi commerce;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired MutableClock clock;
  @Autowired SqlCounter sql;

  CommerceFixtures fixtures;

  @BeforeEach
  void fixtures() {
    fixtures = new CommerceFixtures(context, port);
  }

  static List<String> rows(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = ORDER_ROW.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  static String unescape(String url) {
    return url.replace("&amp;", "&");
  }

  @Test
  void pagesThroughABuyersOrdersByKeyAndFiltersThem() {
    Buyer buyer = fixtures.buyer();
    List<UUID> made = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      clock.advance(Duration.ofSeconds(1));
      made.add(fixtures.checkout(buyer).orderId());
    }
    Browser owner = fixtures.owner();

    Page first = owner.get("/admin/orders?q=" + buyer.email());
    assertThat(first.status()).isEqualTo(200);
    List<String> firstRows = rows(first.body());
    assertThat(firstRows).hasSize(25);
    // newest first
    assertThat(firstRows.get(0)).isEqualTo(made.get(29).toString());
    assertThat(firstRows.get(24)).isEqualTo(made.get(5).toString());
    assertThat(first.body()).contains("data-status=\"PENDING\"").contains(buyer.email());
    Matcher more = MORE.matcher(first.body());
    assertThat(more.find()).isTrue();
    String moreUrl = unescape(more.group(1));
    assertThat(moreUrl).contains("q=").contains("after=");
    assertThat(first.body())
        .as("the export link carries the same filters")
        .contains("href=\"/admin/orders.csv?q=" + buyer.email().replace("@", "%40") + "\"");

    Page rest = owner.get(moreUrl, Map.of("HX-Request", "true"));
    assertThat(rest.status()).isEqualTo(200);
    assertThat(rest.body()).doesNotContain("<html").doesNotContain("hx-get");
    List<String> restRows = rows(rest.body());
    assertThat(restRows).hasSize(5);
    Set<String> all = new LinkedHashSet<>(firstRows);
    all.addAll(restRows);
    assertThat(all).hasSize(30);

    // filters: status, gateway, item kind, dates, id prefix
    assertThat(rows(owner.get("/admin/orders?q=" + buyer.email() + "&status=PENDING").body()))
        .hasSize(25);
    Page paid = owner.get("/admin/orders?q=" + buyer.email() + "&status=PAID");
    assertThat(rows(paid.body())).isEmpty();
    assertThat(paid.body()).contains("empty-state").contains("No matching orders");
    assertThat(rows(owner.get("/admin/orders?q=" + buyer.email() + "&gateway=stripe").body()))
        .isEmpty();
    assertThat(rows(owner.get("/admin/orders?q=" + buyer.email() + "&gateway=sandbox").body()))
        .hasSize(25);
    assertThat(rows(owner.get("/admin/orders?q=" + buyer.email() + "&kind=course").body()))
        .isEmpty();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    assertThat(
            rows(
                owner
                    .get(
                        "/admin/orders?q="
                            + buyer.email()
                            + "&from="
                            + today.minusDays(2)
                            + "&to="
                            + today.plusDays(2))
                    .body()))
        .hasSize(25);
    assertThat(
            rows(
                owner
                    .get("/admin/orders?q=" + buyer.email() + "&from=" + today.plusDays(3))
                    .body()))
        .isEmpty();
    String prefix = made.get(7).toString().substring(0, 13);
    assertThat(rows(owner.get("/admin/orders?q=" + prefix).body()))
        .containsExactly(made.get(7).toString());
    assertThat(
            rows(owner.get("/admin/orders?q=nobody-" + UUID.randomUUID() + "@example.com").body()))
        .isEmpty();
    fixtures.cancelPending(buyer);
  }

  @Test
  void theApiPagesWithTheSameFiltersInTheKeysetEnvelope() throws Exception {
    Buyer buyer = fixtures.buyer();
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofMillis(10));
      fixtures.checkout(buyer);
    }
    String token = fixtures.token("owner@guildhall.demo", "guildhall-demo");
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      HttpResponse<String> response =
          fixtures.api(
              "GET",
              "/api/v1/admin/orders?size=5&status=PENDING&q="
                  + buyer.email()
                  + (after == null ? "" : "&after=" + after),
              token,
              null);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json.readTree(response.body());
      page.get("items")
          .forEach(
              item -> {
                assertThat(item.get("buyerId").asString()).isEqualTo(buyer.id().toString());
                assertThat(item.get("totalMinor").asLong()).isEqualTo(3500);
                assertThat(item.get("currency").asString()).isEqualTo("CNY");
                assertThat(item.has("lines")).isFalse();
                seen.add(item.get("id").asString());
              });
      after = page.hasNonNull("next") ? page.get("next").asString() : null;
      pages++;
    } while (after != null);
    assertThat(pages).isEqualTo(3);
    assertThat(seen).hasSize(12).doesNotHaveDuplicates();

    HttpResponse<String> one =
        fixtures.api("GET", "/api/v1/admin/orders/" + seen.get(0), token, null);
    assertThat(one.statusCode()).isEqualTo(200);
    JsonNode order = json.readTree(one.body());
    assertThat(order.get("status").asString()).isEqualTo("PENDING");
    assertThat(order.get("lines").get(0).get("kind").asString()).isEqualTo("LIST");

    HttpResponse<String> bad =
        fixtures.api("GET", "/api/v1/admin/orders?status=LOST&from=yesterday", token, null);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    List<String> fields = new ArrayList<>();
    json.readTree(bad.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields).containsExactlyInAnyOrder("status", "from");
    assertThat(
            fixtures
                .api("GET", "/api/v1/admin/orders/" + UUID.randomUUID(), token, null)
                .statusCode())
        .isEqualTo(404);
    fixtures.cancelPending(buyer);
  }

  @Test
  void exportsEveryMatchingOrderAsCsvAcrossBatchesSafeForSpreadsheets() {
    Buyer buyer = fixtures.buyer();
    Instant at = clock.instant();
    Set<String> expected = new LinkedHashSet<>();
    for (int i = 0; i < 1003; i++) {
      expected.add(
          fixtures
              .insertOrder(buyer.id(), "sandbox", "Plan " + i, 3500, at.plusMillis(i % 7))
              .toString());
    }
    UUID formula =
        fixtures.insertOrder(buyer.id(), "sandbox", "=HYPERLINK(\"http://evil\")", 1999, at);
    UUID quoted = fixtures.insertOrder(buyer.id(), "sandbox", "Deluxe, \"VIP\" plan", 1, at);
    UUID plus = fixtures.insertOrder(buyer.id(), "sandbox", "+cmd|calc", 100, at);
    UUID minus = fixtures.insertOrder(buyer.id(), "sandbox", "-2+3", 100, at);
    UUID atSign = fixtures.insertOrder(buyer.id(), "sandbox", "@SUM(1)", 100, at);

    Browser owner = fixtures.owner();
    Page csv = owner.get("/admin/orders.csv?q=" + buyer.email());
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"orders-");
    String body = csv.body();
    assertThat(body).startsWith("\uFEFF");
    String[] lines = body.substring(1).split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "id,created_at,buyer_id,item,title,status,currency,total,refunded,gateway,"
                + "payment_ref,paid_at");
    assertThat(lines).hasSize(1 + 1003 + 5);
    Map<String, String> byId = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      byId.put(lines[i].substring(0, 36), lines[i]);
    }
    assertThat(byId).hasSize(1008);
    assertThat(byId.keySet()).containsAll(expected);

    String plain = byId.get(expected.iterator().next());
    assertThat(plain)
        .matches(
            "[0-9a-f-]{36},\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ,"
                + buyer.id()
                + ",membership/premium:MONTHLY,Plan 0,[A-Z_]+,CNY,35\\.00,0\\.00,sandbox,,");
    assertThat(byId.get(formula.toString()))
        .contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
        .contains(",19.99,0.00,");
    assertThat(byId.get(quoted.toString()))
        .contains(",\"Deluxe, \"\"VIP\"\" plan\",")
        .contains(",0.01,");
    assertThat(byId.get(plus.toString())).contains(",'+cmd|calc,");
    assertThat(byId.get(minus.toString())).contains(",'-2+3,");
    assertThat(byId.get(atSign.toString())).contains(",'@SUM(1),");

    // the filters apply to the export as to the list
    Page none = owner.get("/admin/orders.csv?q=" + buyer.email() + "&status=REFUNDED");
    assertThat(none.body().substring(1).split("\r\n")).hasSize(1);
  }

  @Test
  void theOrderListCostsTheSameForFiveOrdersAndForTwentyFive() {
    String few = CommerceFixtures.unique("qa");
    String many = CommerceFixtures.unique("qb");
    Instant at = clock.instant();
    for (int i = 0; i < 5; i++) {
      fixtures.insertOrder(fixtures.buyer().id(), few, "Few " + i, 100, at.plusMillis(i));
    }
    for (int i = 0; i < 30; i++) {
      fixtures.insertOrder(fixtures.buyer().id(), many, "Many " + i, 100, at.plusMillis(i));
    }
    Browser owner = fixtures.owner();
    int five = statementsFor(owner, "/admin/orders?gateway=" + few, 5);
    int page = statementsFor(owner, "/admin/orders?gateway=" + many, 25);
    assertThat(page).isEqualTo(five);
    assertThat(page).isLessThanOrEqualTo(8);
  }

  int statementsFor(Browser browser, String path, int rows) {
    browser.get(path); // warm caches the way a second visit would find them
    sql.reset();
    Page page = browser.get(path);
    int count = sql.count();
    assertThat(page.status()).isEqualTo(200);
    assertThat(rows(page.body())).hasSize(rows);
    // every buyer's e-mail is shown: their accounts were read in one go
    assertThat(page.body()).contains("@example.com</a>");
    return count;
  }

  @Test
  void theOwnerRefundsHalfOfAPaidOrderAndCannotRefundMoreThanIsLeft() {
    Buyer buyer = fixtures.buyer();
    UUID orderId = fixtures.paidOrder(buyer);
    OrderView paid = commerce.order(orderId).orElseThrow();
    assertThat(paid.total().minor()).isEqualTo(3500);

    Browser owner = fixtures.owner();
    // the payment reference finds the order
    assertThat(rows(owner.get("/admin/orders?q=" + paid.paymentRef()).body()))
        .containsExactly(orderId.toString());
    Page page = owner.get("/admin/orders/" + orderId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-testid=\"refund-form\"")
        .contains("value=\"35.00\"")
        .contains(paid.paymentRef())
        .contains("data-type=\"PAYMENT_SUCCEEDED\"")
        .contains("Payment succeeded")
        .contains(buyer.email());

    Page missingReason =
        owner.post(
            "/admin/orders/" + orderId + "/refunds", Map.of("amount", "1.234", "reason", " "));
    assertThat(missingReason.status()).isEqualTo(422);
    assertThat(missingReason.body())
        .contains("data-testid=\"error-amount\"")
        .contains("data-testid=\"error-reason\"");

    owner.get("/admin/orders/" + orderId);
    Page refunded =
        owner.post(
            "/admin/orders/" + orderId + "/refunds",
            Map.of("amount", "17.50", "reason", "Asked within the first week"));
    assertThat(refunded.status()).isEqualTo(302);
    assertThat(refunded.location()).endsWith("/admin/orders/" + orderId);
    OrderView half = commerce.order(orderId).orElseThrow();
    assertThat(half.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(half.refunded().minor()).isEqualTo(1750);
    assertThat(
            jdbc.sql("SELECT amount_minor, reason, status FROM payment_refund WHERE order_id = ?")
                .param(orderId)
                .query()
                .listOfRows())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(((Number) row.get("amount_minor")).longValue()).isEqualTo(1750);
              assertThat(row.get("reason")).isEqualTo("Asked within the first week");
              assertThat(row.get("status")).isEqualTo("SUCCEEDED");
            });
    Page after = owner.get(refunded.location());
    assertThat(after.body())
        .contains("data-testid=\"flash\"")
        .contains("Refund of ¥17.50 sent")
        .contains("data-status=\"PARTIALLY_REFUNDED\"")
        .contains("Asked within the first week")
        .contains("value=\"17.50\"");

    Page tooMuch =
        owner.post(
            "/admin/orders/" + orderId + "/refunds", Map.of("amount", "18", "reason", "Once more"));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.body())
        .contains("data-testid=\"error-amount\"")
        .contains("more than is left to refund")
        .contains("value=\"18\"");
    OrderView unchanged = commerce.order(orderId).orElseThrow();
    assertThat(unchanged.refunded().minor()).isEqualTo(1750);
    assertThat(unchanged.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM payment_refund WHERE order_id = ?")
                .param(orderId)
                .query(Long.class)
                .single())
        .isOne();

    // the rest through the API, which answers with the order
    String token = fixtures.token("owner@guildhall.demo", "guildhall-demo");
    HttpResponse<String> over =
        fixtures.api(
            "POST",
            "/api/v1/admin/orders/" + orderId + "/refunds",
            token,
            "{\"amountMinor\": 1751, \"reason\": \"too much\"}");
    assertThat(over.statusCode()).isEqualTo(422);
    assertThat(json.readTree(over.body()).get("errors").get(0).get("field").asString())
        .isEqualTo("amountMinor");
    HttpResponse<String> rest =
        fixtures.api(
            "POST",
            "/api/v1/admin/orders/" + orderId + "/refunds",
            token,
            "{\"amountMinor\": 1750, \"reason\": \"the rest\"}");
    assertThat(rest.statusCode()).isEqualTo(200);
    JsonNode order = json.readTree(rest.body());
    assertThat(order.get("status").asString()).isEqualTo("REFUNDED");
    assertThat(order.get("refundedMinor").asLong()).isEqualTo(3500);
    assertThat(order.get("refunds")).hasSize(2);
    assertThat(owner.get("/admin/orders/" + orderId).body())
        .contains("data-testid=\"not-refundable\"")
        .doesNotContain("data-testid=\"refund-form\"");

    // the sandbox's notifications are listed on the payments page
    assertThat(owner.get("/admin/payments").body())
        .contains("data-testid=\"delivery-row\"")
        .contains("payment.succeeded");
  }
}
