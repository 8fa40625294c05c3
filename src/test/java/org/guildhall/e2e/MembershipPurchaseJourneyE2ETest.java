package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.MembershipApi;
import org.guildhall.support.MutableClock;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The membership and payment journey in Chromium (issue acceptance criterion): a free member starts
 * the 3-day Premium trial, the clock passes the trial, the member sees the paywall's cheapest
 * options, pays for yearly Premium through the sandbox checkout with a coupon, is Premium again,
 * and finds the order with the right amounts in the history; the owner refunds it and the
 * membership ends. Any console error or unexpected dialog fails the test; screenshots go to {@code
 * target/e2e-screenshots/purchase-*.png}.
 */
@WebIntegrationTest
class MembershipPurchaseJourneyE2ETest {

  /** The owner's window: the only one where a confirmation dialog (the refund's) is expected. */
  private static final int OWNER_WIDTH = 1440;

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired CommerceApi commerce;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @BeforeAll
  static void launch() {
    browser = E2eBrowser.launch();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void tearDown() {
    browser.endTest();
    clock.reset();
  }

  @Test
  void trialThenPaywallThenYearlyPremiumWithACouponThenTheOwnerRefunds() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "journey" + tag + "@example.org";
    UUID member =
        identity
            .provision(
                email,
                "journey pass phrase",
                "Journey " + tag,
                "journey" + tag,
                Set.of(Role.MEMBER),
                "en")
            .value();

    // 1. A free member starts the 3-day Premium trial from the Join page.
    Page page = newPage(1280, 900);
    signIn(page, email, "journey pass phrase");
    page.navigate(url("/join"));
    page.getByTestId("start-trial-premium").click();
    assertThat(page.getByTestId("flash")).isVisible();
    page.navigate(url("/membership"));
    assertThat(page.getByTestId("membership-state")).hasText("Free trial");
    E2eBrowser.screenshot(page, "purchase-1-trial");

    // 2. The clock passes the trial; the expiry job ends it.
    clock.advance(Duration.ofDays(3).plusSeconds(1));
    ReflectionTestUtils.invokeMethod(context.getBean("membershipExpiryJob"), "runOnce");
    Assertions.assertThat(membership.liveMembership(member)).isEmpty();

    // 3. The paywall shows the cheapest ways in; the trial is used up.
    page.navigate(url("/membership"));
    assertThat(page.getByTestId("paywall")).isVisible();
    assertThat(page.locator("[data-testid^=way-]").first())
        .hasAttribute("data-testid", "way-tier-basic");
    assertThat(page.locator("[data-testid=way-trial-premium]")).hasCount(0);
    assertThat(page.getByTestId("way-tier-premium")).containsText("¥35");
    E2eBrowser.screenshot(page, "purchase-2-paywall");

    // 4. Yearly Premium at checkout, with a coupon (20% off).
    String coupon =
        commerce.issueCoupon("E2E", 20, "membership", clock.instant().plus(Duration.ofDays(1)));
    page.navigate(url("/join?billing=yearly"));
    page.getByTestId("join-premium").click();
    page.waitForURL(u -> u.contains("/checkout"));
    assertThat(page.getByTestId("total")).hasText("¥299");
    page.locator("#f-coupon").fill(coupon);
    page.getByTestId("apply-coupon").click();
    assertThat(page.getByTestId("line-coupon")).containsText("-¥59.80");
    assertThat(page.getByTestId("total")).hasText("¥239.20");
    E2eBrowser.screenshot(page, "purchase-3-checkout");
    Page phone = newPage(360, 780);
    signIn(phone, email, "journey pass phrase");
    phone.navigate(url("/checkout?item=membership/premium:YEARLY&coupon=" + coupon));
    E2eBrowser.assertNoHorizontalOverflow(phone);
    E2eBrowser.screenshot(phone, "purchase-3-checkout-phone");

    // 5. The sandbox's hosted page; pay; the receipt waits for the notification.
    page.getByTestId("pay").click();
    page.waitForURL(u -> u.contains("/pay/sandbox/"));
    assertThat(page.getByTestId("sandbox-amount")).hasText("¥239.20");
    E2eBrowser.screenshot(page, "purchase-4-sandbox");
    page.getByTestId("sandbox-pay").click();
    page.waitForURL(u -> u.contains("/orders/"));
    assertThat(page.getByTestId("payment-confirmed")).isVisible();
    assertThat(page.getByTestId("receipt-total")).hasText("¥239.20");
    E2eBrowser.screenshot(page, "purchase-5-receipt");
    String orderId = page.url().replaceAll(".*/orders/([0-9a-f-]{36}).*", "$1");

    // 6. Premium again.
    assertThat(page.getByTestId("continue")).hasAttribute("href", "/membership");
    page.getByTestId("continue").click();
    page.waitForURL(u -> u.contains("/membership"));
    assertThat(page.getByTestId("membership-tier")).containsText("Premium");
    assertThat(page.getByTestId("membership-state")).hasText("Active");
    E2eBrowser.screenshot(page, "purchase-6-premium");

    // 7. The order, with the right amounts, in the history.
    page.navigate(url("/orders"));
    assertThat(page.getByTestId("order-" + orderId)).containsText("¥239.20");
    assertThat(page.getByTestId("order-" + orderId).getByTestId("order-status")).hasText("Paid");
    E2eBrowser.screenshot(page, "purchase-7-orders");

    // 8. The owner refunds it in full; the membership ends.
    Page owner = newPage(OWNER_WIDTH, 900);
    signIn(owner, "owner@guildhall.demo", "guildhall-demo");
    owner.navigate(url("/admin/orders/" + orderId));
    assertThat(owner.getByTestId("refund-form")).isVisible();
    owner.locator("#f-reason").fill("Requested by the member");
    owner.onceDialog(dialog -> dialog.accept());
    owner.getByTestId("refund-submit").click();
    assertThat(owner.getByTestId("flash")).isVisible();
    assertThat(owner.getByTestId("order-refunded")).containsText("¥239.20");
    E2eBrowser.screenshot(owner, "purchase-8-refund");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> membership.liveMembership(member).isEmpty());
    page.navigate(url("/membership"));
    assertThat(page.getByTestId("paywall")).isVisible();
    page.navigate(url("/orders"));
    assertThat(page.getByTestId("order-" + orderId).getByTestId("order-status"))
        .hasText("Refunded");
    E2eBrowser.screenshot(page, "purchase-9-refunded");

    Assertions.assertThat(
            jdbc.sql("SELECT status FROM commerce_order WHERE id = ?")
                .param(UUID.fromString(orderId))
                .query(String.class)
                .single())
        .isEqualTo("REFUNDED");
    browser.assertClean();
  }

  private Page newPage(int width, int height) {
    // only the owner's window expects a dialog: the refund's confirmation
    return browser.newPage(url(""), width, height, "en-US", width == OWNER_WIDTH);
  }

  private void signIn(Page page, String email, String password) {
    page.navigate(url("/login"));
    page.locator("#f-email").fill(email);
    page.locator("#f-password").fill(password);
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
