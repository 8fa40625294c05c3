package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.SearchApi;
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

/**
 * Searching in a real browser on a phone: the header leads to the search page, typing shows
 * highlighted results without a page load and puts the query in the URL, "load more" appends, and
 * nothing breaks the strict CSP or overflows 360 px. Runs with {@code ./mvnw verify -Pe2e}.
 */
@WebIntegrationTest
class ContentSearchJourneyE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;

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

  @Test
  void aVisitorTypesAQueryAndSeesHighlightedResultsAsTheyType() {
    String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 8);
    UUID owner = People.provision(identity, "own", Role.OWNER).id();
    for (int i = 0; i <= SearchApi.DEFAULT_SIZE; i++) {
      UUID id =
          content.create(
              ContentKind.ARTICLE,
              new ItemDraft(
                  i == 0 ? "如何打造高粘性知识付费社群 " + word : "知识付费 note " + i + " " + word,
                  null,
                  "zh-CN",
                  "社群运营的方法。",
                  "正文。",
                  null,
                  java.util.List.of(),
                  null,
                  null,
                  null,
                  null,
                  ContentAccess.PUBLIC,
                  0,
                  null),
              owner);
      content.approve(id, null, owner);
    }

    Page page = browser.newPage("http://localhost:" + port, 360, 800, "zh-CN", false);
    page.navigate("/");
    page.locator("[data-nav-toggle]").click();
    page.locator("#site-nav a[href='/search']").click();
    page.waitForURL("**/search");
    assertThat(page.locator(".empty-state")).isVisible();
    E2eBrowser.assertNoHorizontalOverflow(page);

    page.getByTestId("search-input").pressSequentially("知识付费 " + word);
    assertThat(page.getByTestId("search-hit").first()).isVisible();
    assertThat(page.locator("mark").first()).hasText("知识付费");
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/search\\?q=.*"));
    assertThat(page.getByTestId("search-hit")).hasCount(SearchApi.DEFAULT_SIZE);
    E2eBrowser.assertNoHorizontalOverflow(page);
    E2eBrowser.screenshot(page, "search-360");

    page.locator("#search-more a").click();
    assertThat(page.getByTestId("search-hit")).hasCount(SearchApi.DEFAULT_SIZE + 1);
    assertThat(page.locator("#search-more")).hasCount(0);

    // a wider screen has the search icon in the header
    Page wide = browser.newPage("http://localhost:" + port, 1280, 800, "en-US", false);
    wide.navigate("/");
    wide.getByTestId("header-search").click();
    wide.waitForURL("**/search");
    browser.assertClean();
  }
}
