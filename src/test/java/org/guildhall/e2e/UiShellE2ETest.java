package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.guildhall.platform.demo.DemoMode;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The UI shell in Chromium on the demo community: no page scrolls sideways on a 360 px phone (every
 * public page, a member's pages and the owner's), keyboard users get a skip link and visible focus,
 * the theme toggle cycles and is remembered, the language switch keeps the page, and an htmx click
 * after the session ended on the server lands on the sign-in page and, once signed in, back on the
 * page. Screenshots of the main pages at 360 and 1280 px, light and dark, Chinese and English, go
 * to {@code target/e2e-screenshots/shell-*.png}.
 */
@WebIntegrationTest
class UiShellE2ETest {

  private static final String PASSWORD = "guildhall-demo";
  private static final Pattern UUID_LINK =
      Pattern.compile(
          "href=\"(/[a-z/-]+/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

  /** Pages anyone can open; the expected status is 200 unless the path says otherwise. */
  private static final List<String> PUBLIC =
      List.of(
          "/",
          "/courses",
          "/courses?kind=article",
          "/courses?category=career",
          "/community",
          "/events",
          "/leaderboard",
          "/search",
          "/search?q=%E7%A4%BE%E7%BE%A4",
          "/search?q=community",
          "/join",
          "/login",
          "/register",
          "/forgot",
          "/certificates",
          "/courses/lecture-community-growth",
          "/courses/project-build-a-paid-community",
          "/courses/career-first-job",
          "/columns/growth-lab",
          "/columns/ops-notes",
          "/articles/conversion-details",
          "/articles/pricing-first-cohort",
          "/audio/podcast-episode-1",
          "/video/hands-on-demo",
          "/replays/live-qa-november",
          "/u/owner",
          "/no/such/page",
          "/verify?token=not-a-token",
          "/reset?token=not-a-token");

  private static final List<String> MEMBER =
      List.of(
          "/me",
          "/settings/profile",
          "/settings/account",
          "/settings/tokens",
          "/learning",
          "/membership",
          "/membership/gifts",
          "/redeem",
          "/orders");

  private static final List<String> OWNER =
      List.of(
          "/admin",
          "/admin/users",
          "/admin/mail",
          "/admin/tiers",
          "/admin/tiers/new",
          "/admin/orders",
          "/admin/payments",
          "/admin/coupons",
          "/admin/coupons/new",
          "/admin/offers",
          "/admin/offers/new",
          "/admin/group-deals",
          "/admin/group-deals/new",
          "/admin/webhooks",
          "/admin/webhooks/new",
          "/studio",
          "/studio/items/new?kind=article",
          "/studio/items/new?kind=course",
          "/studio/media",
          "/studio/review");

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DemoMode demo;

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
  void noPageScrollsSidewaysOnA360PixelPhone() {
    // Error pages and refused links answer 4xx on purpose; Chromium logs them.
    browser.expectedConsoleErrors.add(
        Pattern.compile("^Failed to load resource: .*status of 4\\d\\d .*"));
    List<String> overflowing = new ArrayList<>();
    for (String locale : List.of("en-US", "zh-CN")) {
      Page visitor = browser.newPage(url(""), 360, 780, locale, false);
      visit(visitor, PUBLIC, overflowing);

      Page member = signedIn("premium@guildhall.demo", locale, 360);
      visit(member, MEMBER, overflowing);
      visit(member, detailPages(member, "/orders"), overflowing);

      Page owner = signedIn("owner@guildhall.demo", locale, 360);
      visit(owner, OWNER, overflowing);
      Set<String> details = new LinkedHashSet<>();
      for (String list :
          List.of("/admin/users", "/admin/orders", "/admin/mail", "/admin/tiers", "/studio")) {
        details.addAll(detailPages(owner, list));
      }
      Assertions.assertThat(details)
          .as("detail pages found on the owner's lists")
          .hasSizeGreaterThan(4);
      visit(owner, new ArrayList<>(details), overflowing);
    }
    Assertions.assertThat(overflowing).as("pages wider than a 360 px phone").isEmpty();
    browser.assertClean();
  }

  @Test
  void keyboardUsersSkipToTheContentAndSeeWhereTheFocusIs() {
    Page page = browser.newPage(url(""), 1280, 900, "en-US", false);
    page.navigate(url("/community"));
    page.keyboard().press("Tab");
    Locator skip = page.locator(".skip-link");
    assertThat(skip).isFocused();
    Assertions.assertThat(skip.boundingBox().y)
        .as("the skip link shows when focused")
        .isGreaterThanOrEqualTo(0);
    page.keyboard().press("Enter");
    Assertions.assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("main");

    page.navigate(url("/community"));
    Locator current = page.locator("#site-nav a[aria-current=page]");
    assertThat(current).hasText("Community");
    for (int i = 0;
        i < 12
            && !(Boolean)
                page.evaluate(
                    "() => document.activeElement.matches('#site-nav a[href=\"/courses\"]')");
        i++) {
      page.keyboard().press("Tab");
    }
    Locator courses = page.locator("#site-nav a[href='/courses']");
    assertThat(courses).isFocused();
    Assertions.assertThat(courses.evaluate("a => getComputedStyle(a).outlineStyle"))
        .isEqualTo("solid");
    Assertions.assertThat(courses.evaluate("a => parseFloat(getComputedStyle(a).outlineWidth)"))
        .satisfies(
            w -> Assertions.assertThat(((Number) w).doubleValue()).isGreaterThanOrEqualTo(2));
    page.keyboard().press("Enter");
    page.waitForURL(u -> u.endsWith("/courses"));
    assertThat(page.locator("#site-nav a[aria-current=page]")).hasText("Courses");

    // On a phone the menu opens from the keyboard and closes with Escape.
    Page phone = browser.newPage(url(""), 360, 780, "en-US", false);
    phone.navigate(url("/events"));
    Locator toggle = phone.locator("[data-nav-toggle]");
    toggle.focus();
    phone.keyboard().press("Enter");
    assertThat(toggle).hasAttribute("aria-expanded", "true");
    assertThat(phone.locator("#site-nav a[href='/leaderboard']")).isVisible();
    phone.keyboard().press("Escape");
    assertThat(toggle).hasAttribute("aria-expanded", "false");
    assertThat(toggle).isFocused();
    browser.assertClean();
  }

  @Test
  void theThemeToggleCyclesAndIsRemembered() {
    Page page = browser.newPage(url(""), 1280, 900, "en-US", false);
    page.emulateMedia(
        new Page.EmulateMediaOptions()
            .setColorScheme(com.microsoft.playwright.options.ColorScheme.DARK));
    page.navigate(url("/"));
    assertThat(page.locator("html")).hasAttribute("data-theme", "auto");
    Assertions.assertThat(backgroundLuminance(page))
        .as("auto follows the system's dark")
        .isLessThan(0.1);
    assertThat(page.locator(".theme-toggle__icon--auto")).isVisible();

    page.getByTestId("theme-toggle").click();
    assertThat(page.locator("html")).hasAttribute("data-theme", "light");
    assertThat(page.locator(".theme-toggle__icon--light")).isVisible();
    assertThat(page.getByTestId("theme-toggle")).hasAttribute("aria-label", "Theme: light");
    Assertions.assertThat(backgroundLuminance(page)).isGreaterThan(0.8);
    page.reload();
    assertThat(page.locator("html")).hasAttribute("data-theme", "light");
    Assertions.assertThat(backgroundLuminance(page))
        .as("remembered over a reload")
        .isGreaterThan(0.8);

    page.getByTestId("theme-toggle").click();
    assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
    page.navigate(url("/community"));
    assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
    assertThat(page.locator(".theme-toggle__icon--dark")).isVisible();
    Assertions.assertThat(backgroundLuminance(page)).isLessThan(0.1);
    browser.assertClean();
  }

  @Test
  void theLanguageSwitchKeepsThePageForVisitorsAndMembers() {
    Page visitor = browser.newPage(url(""), 1280, 900, "en-US", false);
    visitor.navigate(url("/courses?kind=article"));
    visitor.getByTestId("lang-switch").click();
    visitor.waitForURL(u -> u.endsWith("/courses?kind=article"));
    assertThat(visitor.locator("html")).hasAttribute("lang", "zh-CN");
    assertThat(visitor.locator("#site-nav")).containsText("排行榜");

    Page member = signedIn("basic@guildhall.demo", "en-US", 1280);
    member.navigate(url("/leaderboard"));
    String before = (String) member.evaluate("() => document.documentElement.lang");
    member.getByTestId("lang-switch").click();
    member.waitForURL(u -> u.endsWith("/leaderboard"));
    String after = (String) member.evaluate("() => document.documentElement.lang");
    Assertions.assertThat(after).isNotEqualTo(before);
    // Back to where the demo member started, for the other tests.
    member.getByTestId("lang-switch").click();
    member.waitForURL(u -> u.endsWith("/leaderboard"));
    assertThat(member.locator("html")).hasAttribute("lang", before);
    browser.assertClean();
  }

  @Test
  void anHtmxClickAfterTheSessionEndedLandsOnSignInAndThenBackOnThePage() {
    // The refused htmx call (401) is logged by Chromium.
    browser.expectedConsoleErrors.add(
        Pattern.compile("^Failed to load resource: .*status of 401 .*"));
    Page page = signedIn("premium@guildhall.demo", "en-US", 1280);
    page.navigate(url("/courses/lecture-community-growth"));
    page.getByTestId("lesson-1").locator("a").click();
    page.waitForURL(u -> u.contains("/lessons/"));
    String lesson = URI.create(page.url()).getPath();
    Locator complete = page.getByTestId("lesson-complete");
    assertThat(complete).isVisible();

    // The session ends on the server (expiry, a ban, a restart without the row), not in the
    // browser.
    String sessionId =
        new String(
            Base64.getDecoder()
                .decode(
                    page.context().cookies().stream()
                        .filter(c -> c.name.equals("GUILDHALL_SESSION"))
                        .findFirst()
                        .orElseThrow()
                        .value),
            StandardCharsets.UTF_8);
    Assertions.assertThat(
            jdbc.sql("DELETE FROM spring_session WHERE session_id = ?").param(sessionId).update())
        .isEqualTo(1);

    Locator button =
        complete.locator("[data-testid=lesson-complete-button], [data-testid=lesson-uncomplete]");
    button.first().click();
    page.waitForURL(u -> u.contains("/login?expired"));
    assertThat(page.getByTestId("login-notice")).isVisible();
    Assertions.assertThat(page.locator(".site-header").count())
        .as("a whole page, not a fragment")
        .isEqualTo(1);
    E2eBrowser.screenshot(page, "shell-session-expired");

    page.locator("#f-email").fill("premium@guildhall.demo");
    page.locator("#f-password").fill(PASSWORD);
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> URI.create(u).getPath().equals(lesson));
    assertThat(page.getByTestId("lesson-complete")).isVisible();
    assertThat(page.getByTestId("user-menu")).isVisible();
    browser.assertClean();
  }

  @Test
  void aFirstStartsHomePageSaysTheDemoIsOnItsWayAndReloadsWhenItIsReady() {
    demo.seedingStarted();
    try {
      Page page = browser.newPage(url(""), 360, 780, "zh-CN", false);
      page.navigate(url("/"));
      assertThat(page.getByTestId("demo-seeding")).isVisible();
      assertThat(page.getByTestId("demo-seeding")).containsText("演示社群正在准备中");
      E2eBrowser.screenshot(page, "shell-demo-seeding");
      demo.seedingFinished();
      // the notice polls every 2 s; then htmx reloads the whole page, which has the content
      assertThat(page.getByTestId("demo-seeding"))
          .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
      assertThat(page.getByTestId("new-this-week")).isVisible();
      Assertions.assertThat(page.locator(".site-header").count()).isEqualTo(1);
    } finally {
      demo.seedingFinished();
    }
    browser.assertClean();
  }

  @Test
  void screenshotsOfTheMainPagesAtBothWidthsThemesAndLanguages() {
    browser.expectedConsoleErrors.add(
        Pattern.compile("^Failed to load resource: .*status of 404 .*"));
    for (String locale : List.of("en-US", "zh-CN")) {
      for (String scheme : List.of("light", "dark")) {
        for (int width : List.of(360, 1280)) {
          Page page = browser.newPage(url(""), width, width < 800 ? 780 : 900, locale, false);
          page.emulateMedia(
              new Page.EmulateMediaOptions()
                  .setColorScheme(
                      com.microsoft.playwright.options.ColorScheme.valueOf(scheme.toUpperCase())));
          String suffix = "-" + width + "-" + scheme + "-" + locale;
          for (String path :
              List.of("/", "/community", "/leaderboard", "/no/such/page", "/login")) {
            page.navigate(url(path));
            E2eBrowser.assertNoHorizontalOverflow(page);
            E2eBrowser.screenshot(
                page, "shell" + path.replace('/', '-').replaceAll("-$", "-home") + suffix);
          }
        }
      }
    }
    browser.assertClean();
  }

  /** Opens each path; records the ones wider than the window or answering 5xx. */
  private void visit(Page page, List<String> paths, List<String> overflowing) {
    for (String path : paths) {
      Response response = page.navigate(url(path));
      Assertions.assertThat(response.status()).as("GET %s", path).isLessThan(500);
      page.waitForLoadState();
      Number over =
          (Number) page.evaluate("() => document.scrollingElement.scrollWidth - window.innerWidth");
      if (over.intValue() > 0) {
        overflowing.add(
            path
                + " ("
                + over
                + " px, "
                + page.evaluate("() => document.documentElement.lang")
                + ")");
      }
    }
  }

  /** Links to single items (an id in the path) on a list page, at most three. */
  private List<String> detailPages(Page page, String list) {
    page.navigate(url(list));
    Matcher m = UUID_LINK.matcher(page.content());
    Set<String> found = new LinkedHashSet<>();
    while (m.find() && found.size() < 3) {
      found.add(m.group(1));
    }
    return new ArrayList<>(found);
  }

  private Page signedIn(String email, String locale, int width) {
    Page page = browser.newPage(url(""), width, width < 800 ? 780 : 900, locale, false);
    page.navigate(url("/login"));
    page.locator("#f-email").fill(email);
    page.locator("#f-password").fill(PASSWORD);
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
    // The page language by cookie, as the switch sets it, without changing the demo member's
    // stored preference (other tests read it).
    page.context()
        .addCookies(
            List.of(
                new com.microsoft.playwright.options.Cookie(
                        "gh_lang", locale.startsWith("zh") ? "zh-CN" : "en")
                    .setUrl(url("/"))));
    return page;
  }

  private static double backgroundLuminance(Page page) {
    String colour = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
    Matcher m = Pattern.compile("(\\d+), (\\d+), (\\d+)").matcher(colour);
    Assertions.assertThat(m.find()).as(colour).isTrue();
    return (Integer.parseInt(m.group(1))
            + Integer.parseInt(m.group(2))
            + Integer.parseInt(m.group(3)))
        / (3 * 255.0);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
