package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The commerce console is the owner's: a member gets 403 on every page, form and API. */
@WebIntegrationTest
class AdminCommerceAccessTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void aMemberIsRefusedEveryCommercePageFormAndApi() {
    CommerceFixtures fixtures = new CommerceFixtures(context, port);
    UUID any = UUID.randomUUID();
    Browser member = new Browser(port);
    member.signIn("free@guildhall.demo", "guildhall-demo");
    member.get("/");
    for (String page :
        List.of(
            "/admin",
            "/admin/orders",
            "/admin/orders?status=PAID",
            "/admin/orders.csv",
            "/admin/orders/" + any,
            "/admin/coupons",
            "/admin/coupons/new",
            "/admin/offers",
            "/admin/offers/new",
            "/admin/group-deals",
            "/admin/group-deals/new",
            "/admin/group-deals/" + any,
            "/admin/payments")) {
      assertThat(member.get(page).status()).as(page).isEqualTo(403);
    }
    member.get("/");
    for (String form :
        List.of(
            "/admin/orders/" + any + "/refunds",
            "/admin/coupons",
            "/admin/coupons/" + any + "/active",
            "/admin/offers",
            "/admin/offers/" + any + "/active",
            "/admin/group-deals",
            "/admin/group-deals/" + any + "/active",
            "/admin/payments/gateway",
            "/admin/payments/keys/stripe",
            "/admin/payments/sandbox")) {
      assertThat(member.post(form, Map.of("active", "true", "gateway", "sandbox")).status())
          .as(form)
          .isEqualTo(403);
    }

    String token = fixtures.token("free@guildhall.demo", "guildhall-demo");
    assertThat(fixtures.api("GET", "/api/v1/admin/orders", token, null).statusCode())
        .isEqualTo(403);
    assertThat(fixtures.api("GET", "/api/v1/admin/orders/" + any, token, null).statusCode())
        .isEqualTo(403);
    assertThat(
            fixtures
                .api(
                    "POST",
                    "/api/v1/admin/orders/" + any + "/refunds",
                    token,
                    "{\"amountMinor\": 1, \"reason\": \"x\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(fixtures.api("GET", "/api/v1/admin/coupons", token, null).statusCode())
        .isEqualTo(403);
    assertThat(
            fixtures
                .api("POST", "/api/v1/admin/coupons", token, "{\"code\": \"NOPE1\"}")
                .statusCode())
        .isEqualTo(403);

    // and nobody signed in is sent to the sign-in page
    assertThat(new Browser(port).get("/admin/orders").location()).endsWith("/login");
  }
}
