package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The authoring journey in a real browser under the strict CSP: an expert writes an article with
 * the live preview (htmx), inserts the free-preview marker from the toolbar, picks access, creates
 * and submits it; the owner publishes it from the review queue; the expert builds a course outline
 * with htmx and opens a lesson. Any console error (a CSP violation, a script error) or dialog fails
 * the test. Runs with {@code ./mvnw verify -Pe2e}.
 */
@WebIntegrationTest
class StudioAuthoringJourneyE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;

  @BeforeAll
  static void launchBrowser() {
    browser = E2eBrowser.launch();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void closeContexts() {
    browser.endTest();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private Page signedIn(String email, String password, int width) {
    Page page = browser.newPage(url(""), width, 900, "en-US", false);
    page.navigate(url("/login"));
    page.locator("#f-email").fill(email);
    page.locator("#f-password").fill(password);
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
    return page;
  }

  @Test
  void anExpertWritesWithTheLivePreviewAndTheOwnerPublishes() {
    People.Person expert = People.provision(identity, "e2e", Role.EXPERT);
    Page page = signedIn(expert.email(), People.PASSWORD, 1400);

    page.navigate(url("/studio"));
    page.getByTestId("new-menu").locator("summary").click();
    page.getByTestId("new-article").click();
    page.waitForURL(u -> u.contains("/studio/items/new?kind=article"));

    String title = "Journey " + UUID.randomUUID().toString().substring(0, 6);
    page.locator("#f-title").fill(title);
    page.locator("#f-bodyMd").click();
    page.locator("#f-bodyMd").pressSequentially("# Hello studio\n\nThe free part.");
    assertThat(page.locator("#md-preview h1")).hasText("Hello studio");

    page.getByTestId("insert-more").click();
    Assertions.assertThat(page.locator("#f-bodyMd").inputValue()).contains("\n<!--more-->\n");
    page.locator("#f-bodyMd").pressSequentially("Paid part <script>alert(1)</script>");
    assertThat(page.locator("#md-preview .md-more")).isVisible();
    assertThat(page.getByTestId("preview-rest"))
        .containsText("Paid part <script>alert(1)</script>");
    Assertions.assertThat(page.locator("#md-preview script").count()).isZero();

    // the access fields of the chosen access only
    assertThat(page.locator("#f-price")).isHidden();
    page.getByTestId("access-purchase").check();
    assertThat(page.locator("#f-price")).isVisible();
    assertThat(page.locator("#f-tierRank")).isHidden();
    page.locator("#f-price").fill("49.90");
    E2eBrowser.screenshot(page, "studio-editor");

    page.getByTestId("create").click();
    page.waitForURL(Pattern.compile(".*/studio/items/[0-9a-f-]{36}$"));
    assertThat(page.getByTestId("flash")).containsText("Draft created.");
    assertThat(page.locator("#f-price")).hasValue("49.9");
    page.getByTestId("submit").click();
    assertThat(page.getByTestId("flash")).containsText("Sent to the owner for review.");
    assertThat(page.getByTestId("status")).hasText("In review");
    String itemUrl = page.url();

    Page owner = signedIn("owner@guildhall.demo", "guildhall-demo", 1280);
    owner.navigate(url("/studio/review"));
    E2eBrowser.screenshot(owner, "studio-review");
    owner
        .locator("[data-testid=review-item]", new Page.LocatorOptions().setHasText(title))
        .getByTestId("approve-now")
        .click();
    // the demo owner reads Chinese
    assertThat(owner.getByTestId("flash")).hasText(Pattern.compile("Published\\.|已发布。"));
    page.navigate(itemUrl);
    assertThat(page.getByTestId("status")).hasText("Published");

    browser.assertClean();
  }

  @Test
  void anExpertBuildsACourseOutlineInPlace() {
    People.Person expert = People.provision(identity, "e2e", Role.EXPERT);
    Page page = signedIn(expert.email(), People.PASSWORD, 1280);
    page.navigate(url("/studio/items/new?kind=course"));
    page.locator("#f-title")
        .fill("Outline journey " + UUID.randomUUID().toString().substring(0, 6));
    page.getByTestId("create").click();
    page.waitForURL(Pattern.compile(".*/studio/items/[0-9a-f-]{36}$"));

    for (String section : new String[] {"Getting started", "Going further"}) {
      page.locator("#f-new-section").fill(section);
      page.getByTestId("add-section").locator("button").click();
      assertThat(page.locator("[data-testid=section-title]").last()).hasValue(section);
    }
    // moved with htmx: no reload, the new order shows
    page.getByTestId("section-up").last().click();
    assertThat(page.locator("[data-testid=section-title]").first()).hasValue("Going further");

    page.getByTestId("add-lesson").first().locator("input[name=title]").fill("Welcome");
    page.getByTestId("add-lesson").first().locator("button").click();
    page.waitForURL(Pattern.compile(".*/studio/lessons/[0-9a-f-]{36}$"));
    page.locator("#f-dripDays").fill("3");
    page.getByTestId("lesson-preview").check();
    page.locator("#f-bodyMd").pressSequentially("Read **this** first.");
    assertThat(page.locator("#md-preview strong")).hasText("this");
    page.getByTestId("save").click();
    assertThat(page.getByTestId("flash")).containsText("Saved.");
    E2eBrowser.screenshot(page, "studio-lesson");

    page.locator("a", new Page.LocatorOptions().setHasText("Outline journey")).first().click();
    assertThat(page.getByTestId("drip")).hasText("Day 3");
    E2eBrowser.screenshot(page, "studio-course");

    Page phone = signedIn(expert.email(), People.PASSWORD, 375);
    phone.navigate(page.url());
    E2eBrowser.assertNoHorizontalOverflow(phone);
    E2eBrowser.screenshot(phone, "studio-course-phone");

    browser.assertClean();
  }
}
