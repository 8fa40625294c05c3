package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.Browser;
import org.guildhall.support.People;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Buyers, orders and signed-in owners for the commerce console's tests. */
final class CommerceFixtures {

  static final ItemRef PREMIUM_MONTHLY = new ItemRef("membership", "premium:MONTHLY");

  private final ApplicationContext context;
  private final int port;

  CommerceFixtures(ApplicationContext context, int port) {
    this.context = context;
    this.port = port;
  }

  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  record Buyer(UUID id, String email) {}

  /** A freshly registered member. */
  Buyer buyer() {
    People.Person person = People.provision(context.getBean(IdentityApi.class), "b");
    return new Buyer(person.id(), person.email());
  }

  /** A pending order for Premium monthly, paid through the sandbox gateway. */
  CheckoutStart checkout(Buyer buyer) {
    return checkout(buyer, null);
  }

  CheckoutStart checkout(Buyer buyer, String coupon) {
    return context
        .getBean(CommerceApi.class)
        .checkout(
            new CheckoutRequest(
                buyer.id(),
                buyer.email(),
                PREMIUM_MONTHLY,
                coupon,
                null,
                null,
                unique("idem-"),
                Locale.ENGLISH,
                "http://localhost:" + port));
  }

  /**
   * A paid order: the buyer presses Pay on the sandbox's page, the sandbox's signed notification
   * reaches the webhook endpoint, and the order is PAID.
   */
  UUID paidOrder(Buyer buyer) {
    CheckoutStart start = checkout(buyer);
    new CommercePaymentsForTests(context, port).payAndDeliver(start.orderId());
    return start.orderId();
  }

  /**
   * Cancels the buyer's orders still awaiting payment, so that the shared test database holds no
   * pending orders of this test for the reconciliation job to look at.
   */
  void cancelPending(Buyer buyer) {
    context
        .getBean(JdbcClient.class)
        .sql(
            "UPDATE commerce_order SET status = 'CANCELED', closed_at = ? WHERE buyer_id = ? AND"
                + " status = 'PENDING'")
        .params(Timestamp.from(context.getBean(Clock.class).instant()), buyer.id())
        .update();
  }

  /**
   * Inserts a cancelled order row directly (for exports and query counts that need exact values; a
   * cancelled order is left alone by the jobs).
   */
  UUID insertOrder(UUID buyerId, String gateway, String title, long totalMinor, Instant at) {
    UUID id = UUID.randomUUID();
    context
        .getBean(JdbcClient.class)
        .sql(
            "INSERT INTO commerce_order (id, buyer_id, item_kind, item_key, title, currency,"
                + " total_minor, refunded_minor, status, gateway, idempotency_key, created_at,"
                + " expires_at) VALUES (?, ?, 'membership', 'premium:MONTHLY', ?, 'CNY', ?, 0,"
                + " 'CANCELED', ?, ?, ?, ?)")
        .params(
            id,
            buyerId,
            title,
            totalMinor,
            gateway,
            "fixture-" + id,
            Timestamp.from(at),
            Timestamp.from(at.plus(Duration.ofDays(1))))
        .update();
    return id;
  }

  /** The demo owner, signed in, with English pages. */
  Browser owner() {
    Browser owner = new Browser(port).language("en");
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    owner.get("/lang?to=en&return=/admin");
    return owner;
  }

  /** A personal access token of the demo owner (or another account) for the JSON API. */
  String token(String email, String password) {
    Browser browser = new Browser(port);
    browser.signIn(email, password);
    Optional<String> token = browser.createAccessToken(unique("t"), "");
    assertThat(token).isPresent();
    return token.get();
  }

  HttpResponse<String> api(String method, String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Accept-Language", "en");
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
