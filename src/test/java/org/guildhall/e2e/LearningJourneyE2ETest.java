package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The content journey in Chromium (issue acceptance criterion), on the demo community: a visitor
 * browses the catalog, watches the free preview video of the hands-on project course, registers, is
 * stopped by the paywall on a Premium lesson, buys Premium through the sandbox checkout, comes back
 * to that lesson, completes the course, opens the certificate, and the public verification page
 * confirms it to someone else. No console error, no dialog, no sideways scroll at 360 px.
 * Screenshots: {@code target/e2e-screenshots/learning-*.png}.
 */
@WebIntegrationTest
class LearningJourneyE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;

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
  }

  @Test
  void previewThenPaywallThenPremiumThenCertificate() {
    Page page = browser.newPage(url(""), 1280, 900, "en-US", false);

    // 1. The catalog, then the project course: its first lesson is a free preview.
    page.navigate(url("/courses"));
    assertThat(page.getByTestId("catalog")).isVisible();
    page.getByTestId("category-projects").click();
    page.waitForURL(u -> u.contains("category=projects"));
    assertThat(page.getByTestId("card-project-build-a-paid-community")).isVisible();
    E2eBrowser.screenshot(page, "learning-1-catalog");
    page.getByTestId("card-project-build-a-paid-community").click();
    page.waitForURL(u -> u.endsWith("/courses/project-build-a-paid-community"));
    assertThat(page.getByTestId("paywall")).isVisible();
    E2eBrowser.screenshot(page, "learning-2-course");

    // 2. Watch the preview: the video plays.
    page.getByTestId("lesson-1").locator("a").click();
    assertThat(page.getByTestId("player")).isVisible();
    page.evaluate(
        "() => { const v = document.querySelector('video'); v.muted = true; return v.play(); }");
    page.waitForFunction("() => document.querySelector('video').currentTime > 0.5");
    E2eBrowser.screenshot(page, "learning-3-preview");

    // 3. Register and sign in.
    String tag = UUID.randomUUID().toString().substring(0, 8);
    String email = "learner" + tag + "@example.org";
    String password = "learner pass phrase " + tag;
    page.navigate(url("/register"));
    page.locator("#f-displayName").fill("Learner " + tag);
    page.locator("#f-email").fill(email);
    page.locator("#f-password").fill(password);
    page.getByTestId("register").click();
    assertThat(page.getByTestId("notice")).isVisible();
    page.navigate(url("/login"));
    page.locator("#f-email").fill(email);
    page.locator("#f-password").fill(password);
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));

    // 4. A Premium lesson: the paywall, with Premium among the ways in.
    page.navigate(url("/courses/project-build-a-paid-community"));
    assertThat(page.getByTestId("lesson-2").locator("a")).hasCount(0);
    page.getByTestId("lesson-1").locator("a").click();
    page.getByTestId("next").click();
    String lessonUrl = page.url();
    assertThat(page.getByTestId("paywall")).isVisible();
    assertThat(page.getByTestId("body")).hasCount(0);
    assertThat(page.getByTestId("way-tier-premium")).isVisible();
    E2eBrowser.screenshot(page, "learning-4-paywall");
    Page phone = browser.newPage(url(""), 360, 780, "en-US", false);
    phone.navigate(lessonUrl);
    E2eBrowser.assertNoHorizontalOverflow(phone);
    E2eBrowser.screenshot(phone, "learning-4-paywall-phone");

    // 5. Buy Premium in the sandbox; the receipt leads back to the lesson.
    page.getByTestId("way-tier-premium").locator("a").click();
    page.waitForURL(u -> u.contains("/checkout"));
    E2eBrowser.screenshot(page, "learning-5-checkout");
    page.getByTestId("pay").click();
    page.waitForURL(u -> u.contains("/pay/sandbox/"));
    page.getByTestId("sandbox-pay").click();
    page.waitForURL(u -> u.contains("/orders/"));
    assertThat(page.getByTestId("payment-confirmed")).isVisible();
    page.getByTestId("continue").click();
    page.waitForURL(lessonUrl);
    assertThat(page.getByTestId("paywall")).hasCount(0);
    assertThat(page.getByTestId("body")).isVisible();
    E2eBrowser.screenshot(page, "learning-6-unlocked");

    // 6. Complete every lesson, from the first.
    page.navigate(url("/courses/project-build-a-paid-community"));
    page.getByTestId("lesson-1").locator("a").click();
    for (int lesson = 1; lesson <= 4; lesson++) {
      page.getByTestId("lesson-complete-button").click();
      assertThat(page.getByTestId("lesson-completed")).isVisible();
      if (lesson < 4) {
        page.getByTestId("next").click();
      }
    }
    assertThat(page.getByTestId("course-completed")).isVisible();
    E2eBrowser.screenshot(page, "learning-7-completed");

    // 7. The certificate, and its public verification for someone else.
    page.getByTestId("course-completed").getByTestId("certificate-link").click();
    page.waitForURL(u -> u.contains("/certificates/"));
    assertThat(page.getByTestId("certificate-name")).hasText("Learner " + tag);
    String certificateUrl = page.url();
    E2eBrowser.screenshot(page, "learning-8-certificate");
    Page stranger = browser.newPage(url(""), 1280, 900, "en-US", false);
    stranger.navigate(certificateUrl);
    assertThat(stranger.getByTestId("certificate-verified")).isVisible();
    assertThat(stranger.getByTestId("certificate-name")).hasText("Learner " + tag);
    assertThat(stranger.getByTestId("certificate-course")).containsText("实战项目");
    E2eBrowser.screenshot(stranger, "learning-9-verified");
    stranger.navigate(certificateUrl + "/print");
    E2eBrowser.screenshot(stranger, "learning-10-print");

    browser.assertClean();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
