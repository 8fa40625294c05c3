package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

  private static final Path SCREENSHOTS = Paths.get("target", "e2e-screenshots");
  private static Playwright playwright;
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired CommerceApi commerce;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
  private final List<String> dialogs = new CopyOnWriteArrayList<>();
  private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void launch() throws IOException {
    Files.createDirectories(SCREENSHOTS);
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  @AfterEach
  void tearDown() {
    contexts.forEach(BrowserContext::close);
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
    screenshot(page, "purchase-1-trial");

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
    screenshot(page, "purchase-2-paywall");

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
    screenshot(page, "purchase-3-checkout");
    Page phone = newPage(360, 780);
    signIn(phone, email, "journey pass phrase");
    phone.navigate(url("/checkout?item=membership/premium:YEARLY&coupon=" + coupon));
    assertNoHorizontalOverflow(phone);
    screenshot(phone, "purchase-3-checkout-phone");

    // 5. The sandbox's hosted page; pay; the receipt waits for the notification.
    page.getByTestId("pay").click();
    page.waitForURL(u -> u.contains("/pay/sandbox/"));
    assertThat(page.getByTestId("sandbox-amount")).hasText("¥239.20");
    screenshot(page, "purchase-4-sandbox");
    page.getByTestId("sandbox-pay").click();
    page.waitForURL(u -> u.contains("/orders/"));
    assertThat(page.getByTestId("payment-confirmed")).isVisible();
    assertThat(page.getByTestId("receipt-total")).hasText("¥239.20");
    screenshot(page, "purchase-5-receipt");
    String orderId = page.url().replaceAll(".*/orders/([0-9a-f-]{36}).*", "$1");

    // 6. Premium again.
    assertThat(page.getByTestId("continue")).hasAttribute("href", "/membership");
    page.getByTestId("continue").click();
    page.waitForURL(u -> u.contains("/membership"));
    assertThat(page.getByTestId("membership-tier")).containsText("Premium");
    assertThat(page.getByTestId("membership-state")).hasText("Active");
    screenshot(page, "purchase-6-premium");

    // 7. The order, with the right amounts, in the history.
    page.navigate(url("/orders"));
    assertThat(page.getByTestId("order-" + orderId)).containsText("¥239.20");
    assertThat(page.getByTestId("order-" + orderId).getByTestId("order-status")).hasText("Paid");
    screenshot(page, "purchase-7-orders");

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
    screenshot(owner, "purchase-8-refund");
    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> membership.liveMembership(member).isEmpty());
    page.navigate(url("/membership"));
    assertThat(page.getByTestId("paywall")).isVisible();
    page.navigate(url("/orders"));
    assertThat(page.getByTestId("order-" + orderId).getByTestId("order-status"))
        .hasText("Refunded");
    screenshot(page, "purchase-9-refunded");

    Assertions.assertThat(
            jdbc.sql("SELECT status FROM commerce_order WHERE id = ?")
                .param(UUID.fromString(orderId))
                .query(String.class)
                .single())
        .isEqualTo("REFUNDED");
    Assertions.assertThat(consoleErrors).as("browser console errors").isEmpty();
    Assertions.assertThat(dialogs).as("unexpected dialogs").isEmpty();
  }

  private Page newPage(int width, int height) {
    BrowserContext browserContext =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-US"));
    contexts.add(browserContext);
    Page page = browserContext.newPage();
    page.onConsoleMessage(
        message -> {
          if ("error".equals(message.type())) {
            consoleErrors.add(
                message.text() + " (" + message.location() + " on " + page.url() + ")");
          }
        });
    page.onPageError(error -> consoleErrors.add("uncaught: " + error));
    if (width != OWNER_WIDTH) {
      page.onDialog(
          dialog -> {
            dialogs.add(dialog.message() + " on " + page.url());
            dialog.dismiss();
          });
    }
    return page;
  }

  private void signIn(Page page, String email, String password) {
    page.navigate(url("/login"));
    page.locator("#f-email").fill(email);
    page.locator("#f-password").fill(password);
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
  }

  private void assertNoHorizontalOverflow(Page page) {
    Object overflow =
        page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
    Assertions.assertThat(((Number) overflow).intValue())
        .as("horizontal overflow at %s", page.url())
        .isLessThanOrEqualTo(0);
  }

  private static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
