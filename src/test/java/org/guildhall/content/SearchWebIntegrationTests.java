package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.MembershipApi;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The search page (whole, and its htmx fragments) and the JSON API, over real HTTP. */
@WebIntegrationTest
class SearchWebIntegrationTests {

  static final Map<String, String> HTMX = Map.of("HX-Request", "true", "Accept", "text/html");
  static final Map<String, String> JSON = Map.of("Accept", "application/json");

  @LocalServerPort int port;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired JsonMapper json;

  UUID owner;

  @BeforeEach
  void owner() {
    owner = People.provision(identity, "own", Role.OWNER).id();
  }

  static String q(String query) {
    return URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  UUID publish(ItemDraft draft) {
    return SearchFixtures.published(content, ContentKind.ARTICLE, draft, owner, owner);
  }

  JsonNode api(Browser browser, String query) {
    Page page = browser.get("/api/v1/search?q=" + q(query), JSON);
    assertThat(page.status()).isEqualTo(200);
    return json.readTree(page.body());
  }

  @Test
  void aVisitorSearchesInChineseAndGetsHighlightedTitlesLinkedToTheirPages() {
    String word = SearchFixtures.word();
    publish(SearchFixtures.draft("如何打造高粘性知识付费社群 " + word, "社群运营。", "正文。"));

    Page page = new Browser(port).get("/search?q=" + q("知识付费 " + word));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html")
        .contains("data-testid=\"header-search\"")
        .contains("如何打造高粘性<mark>知识付费</mark>社群")
        .contains("href=\"/articles/")
        .contains("value=\"知识付费 " + word + "\"");
  }

  @Test
  void anHtmxRequestGetsOnlyTheResultsAndLoadMoreOnlyTheNextHits() {
    String word = SearchFixtures.word();
    for (int i = 0; i < SearchApi.DEFAULT_SIZE + 1; i++) {
      publish(SearchFixtures.draft("Many " + i + " " + word, "", "Body"));
    }
    Browser browser = new Browser(port);

    Page fragment = browser.get("/search?q=" + word, HTMX);
    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.header("Vary").orElse("")).containsIgnoringCase("HX-Request");
    assertThat(fragment.body())
        .doesNotContain("<html")
        .contains("data-testid=\"search-list\"")
        .contains("id=\"search-more\"")
        .contains("cursor=" + SearchApi.DEFAULT_SIZE);
    assertThat(fragment.body().split("data-testid=\"search-hit\"", -1))
        .hasSize(SearchApi.DEFAULT_SIZE + 1);

    Page more = browser.get("/search?q=" + word + "&cursor=" + SearchApi.DEFAULT_SIZE, HTMX);
    assertThat(more.body())
        .doesNotContain("<ol")
        .doesNotContain("search-more")
        .contains("data-testid=\"search-hit\"");
  }

  @Test
  void emptyAndNoResultStatesAndAnOverlongQuery() {
    Browser browser = new Browser(port);
    assertThat(browser.get("/search").body()).contains("empty-state").doesNotContain("search-list");
    assertThat(browser.get("/search?q=" + SearchFixtures.word()).body())
        .contains("data-testid=\"search-none\"")
        .contains("href=\"/courses\"");

    Page tooLong = browser.get("/search?q=" + "x".repeat(SearchApi.MAX_QUERY + 1));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("data-testid=\"search-error\"");
  }

  @Test
  void aScriptInATitleComesBackEscapedOnThePageAndInTheApi() {
    String word = SearchFixtures.word();
    publish(SearchFixtures.draft("<script>alert(1)</script> " + word, "Harmless.", "Body"));
    Browser browser = new Browser(port);

    assertThat(browser.get("/search?q=" + word).body())
        .contains("&lt;script&gt;alert(1)&lt;")
        .contains("<mark>" + word + "</mark>")
        .doesNotContain("<script>alert");

    JsonNode hit = api(browser, word).get("items").get(0);
    assertThat(hit.get("titleHtml").asText())
        .startsWith("&lt;script&gt;alert(1)&lt;")
        .endsWith("&gt; <mark>" + word + "</mark>")
        .doesNotContain("<script");
    assertThat(hit.get("title").asText()).isEqualTo("<script>alert(1)</script> " + word);
  }

  @Test
  void theApiAnswersEachCallerWithWhatTheyMayRead() {
    SearchFixtures.demo(identity, membership, "premium@guildhall.demo", true);
    String secret = SearchFixtures.word();
    UUID id =
        publish(
            SearchFixtures.draft(
                "Premium practice notes",
                "For premium members.",
                "Open.\n\nOnly members read " + secret + ".",
                ContentAccess.MEMBERS,
                2,
                null));

    Browser visitor = new Browser(port);
    assertThat(api(visitor, secret).get("items")).isEmpty();
    assertThat(visitor.get("/search?q=" + secret).body()).contains("data-testid=\"search-none\"");

    Browser premium = new Browser(port);
    premium.signIn("premium@guildhall.demo", "guildhall-demo");
    JsonNode results = api(premium, secret);
    assertThat(results.get("total").asLong()).isEqualTo(1);
    JsonNode hit = results.get("items").get(0);
    assertThat(hit.get("id").asText()).isEqualTo(id.toString());
    assertThat(hit.get("path").asText()).startsWith("/articles/");
    assertThat(hit.get("locked").asBoolean()).isFalse();
    assertThat(hit.get("snippetHtml").asText()).contains("<mark>" + secret + "</mark>");
    assertThat(results.has("next")).isFalse();
    assertThat(premium.get("/search?q=" + secret).body())
        .contains("data-testid=\"search-snippet\"");

    // a free member finds the title, locked, without the body's words
    Browser free = new Browser(port);
    free.signIn("free@guildhall.demo", "guildhall-demo");
    JsonNode locked = api(free, "premium practice notes").get("items");
    JsonNode mine = null;
    for (JsonNode h : locked) {
      if (h.get("id").asText().equals(id.toString())) {
        mine = h;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("locked").asBoolean()).isTrue();
    assertThat(mine.has("snippetHtml")).isFalse();
  }

  @Test
  void theApiRefusesAnOverlongQueryAsAProblem() {
    Page page =
        new Browser(port).get("/api/v1/search?q=" + "x".repeat(SearchApi.MAX_QUERY + 1), JSON);

    assertThat(page.status()).isEqualTo(422);
    assertThat(page.header("Content-Type").orElse("")).contains("application/problem+json");
    JsonNode problem = json.readTree(page.body());
    assertThat(problem.get("type").asText()).isEqualTo("/problems/validation");
    assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("q");
  }

  @Test
  void theSearchIsInTheApiDocs() {
    Page docs = new Browser(port).get("/api/docs/openapi.json", JSON);
    assertThat(docs.body()).contains("/api/v1/search");
  }
}
