package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The UI shell over real HTTP: the navigation's links and their current item, the sections whose
 * capability is still to come, "Me" for visitors, the language switch, htmx requests that find
 * their session gone or their form token stale, and the error pages in both languages.
 */
@WebIntegrationTest
class UiShellIntegrationTests {

  private static final Pattern NAV =
      Pattern.compile("<nav class=\"nav\" id=\"site-nav\".*?</nav>", Pattern.DOTALL);
  private static final Pattern NAV_LINK = Pattern.compile("<a class=\"nav__link[^\"]*\"([^>]*)>");
  private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
  private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;

  @Test
  void everyNavigationLinkLeadsToARealPageThatMarksItselfCurrent() {
    for (String language : List.of("en", "zh-CN")) {
      Browser visitor = new Browser(port).language(language);
      List<String> links = navLinks(visitor.get("/").body());
      assertThat(links)
          .containsExactly(
              "/", "/courses", "/community", "/events", "/leaderboard", "/me", "/search");
      for (String link : links) {
        Page page = visitor.get(link);
        if (link.equals("/me")) {
          assertThat(page.status()).as("Me for a visitor").isEqualTo(302);
          assertThat(page.location()).endsWith("/login");
          continue;
        }
        assertThat(page.status()).as(link).isEqualTo(200);
        assertThat(currentNavLinks(page.body()))
            .as("current item on %s", link)
            .containsExactly(link);
        assertThat(page.body()).contains("<html lang=\"" + language + "\"");
      }
    }
  }

  @Test
  void sectionsStillToComeExplainWhatTheyWillHoldInBothLanguages() {
    Map<String, String> chineseTitles =
        Map.of("/community", "讨论区正在筹备", "/events", "暂无活动安排", "/leaderboard", "排行榜即将开启");
    for (String section : chineseTitles.keySet()) {
      Page english = new Browser(port).get(section);
      assertThat(english.status()).isEqualTo(200);
      assertThat(english.body())
          .contains("data-testid=\"section-empty\"")
          .contains("What you will find here")
          .contains("href=\"/register\"")
          .contains("href=\"/courses\"")
          .doesNotContain("section." + section.substring(1));
      assertThat(count(english.body(), "data-testid=\"coming-item\"")).isEqualTo(3);

      Page chinese = new Browser(port).language("zh-CN").get(section);
      assertThat(chinese.body()).contains(chineseTitles.get(section)).contains("这里将会有");
    }
    Person member = People.provision(identity, "shl");
    Browser signedIn = new Browser(port);
    signedIn.signIn(member.email(), People.PASSWORD);
    assertThat(signedIn.get("/events").body())
        .as("a member is not asked to join again")
        .doesNotContain("href=\"/register\"")
        .contains("href=\"/learning\"");
  }

  @Test
  void meSendsAVisitorToSignInAndThenToTheirOwnProfile() {
    Person member = People.provision(identity, "shm");
    Browser browser = new Browser(port);
    assertThat(browser.get("/me").location()).endsWith("/login");
    Page signedIn = browser.signIn(member.email(), People.PASSWORD);
    assertThat(signedIn.location()).contains("/me");
    Page me = browser.get(URI.create(signedIn.location()).getRawPath());
    assertThat(me.location()).matches(".*/u/shm[0-9a-f]{8}$");
    String own = URI.create(me.location()).getPath();

    assertThat(currentNavLinks(browser.get(own).body())).containsExactly("/me");
    assertThat(currentNavLinks(browser.get("/settings/profile").body())).containsExactly("/me");
    assertThat(browser.get("/settings/profile").body())
        .contains("href=\"/settings/profile\" aria-current=\"page\"");
    assertThat(currentNavLinks(browser.get("/u/owner").body()))
        .as("somebody else's profile is not \"Me\"")
        .isEmpty();
  }

  @Test
  void theLanguageSwitchKeepsThePageAndRemembersASignedInMembersChoice() {
    Browser visitor = new Browser(port);
    assertThat(visitor.get("/courses?kind=article").body())
        .contains("href=\"/lang?to=zh-CN&amp;return=%2Fcourses%3Fkind%3Darticle\"");
    Page switched = visitor.get("/lang?to=zh-CN&return=%2Fcourses%3Fkind%3Darticle");
    assertThat(switched.location()).endsWith("/courses?kind=article");
    assertThat(visitor.get("/courses?kind=article").body()).contains("<html lang=\"zh-CN\"");

    Person member = People.provision(identity, "shl");
    Browser laptop = new Browser(port);
    laptop.signIn(member.email(), People.PASSWORD);
    assertThat(laptop.get("/").body()).contains("<html lang=\"en\"");
    laptop.get("/lang?to=zh-CN&return=/");
    assertThat(
            jdbc.sql("SELECT language FROM account WHERE id = ?")
                .param(member.id())
                .query(String.class)
                .single())
        .isEqualTo("zh-CN");
    Browser phone = new Browser(port).language("en");
    phone.signIn(member.email(), People.PASSWORD);
    assertThat(phone.get("/").body())
        .as("another device signs in to the member's language")
        .contains("<html lang=\"zh-CN\"");
  }

  @Test
  void anHtmxRequestWithoutASessionLoadsTheSignInPageWhichLeadsBackToThePage() {
    String lesson = "/courses/some-course/lessons/" + UUID.randomUUID() + "?t=1";
    Page expired =
        new Browser(port)
            .get(
                "/learning",
                Map.of(
                    "HX-Request", "true", "HX-Current-URL", "http://localhost:" + port + lesson));
    assertThat(expired.status()).isEqualTo(401);
    String redirect = expired.header("HX-Redirect").orElseThrow();
    assertThat(redirect).startsWith("/login?expired&next=");
    assertThat(URLDecoder.decode(redirect.substring(redirect.indexOf("next=") + 5), UTF8))
        .isEqualTo(lesson);
    assertThat(expired.body()).doesNotContain("<html");

    Page foreign =
        new Browser(port)
            .get(
                "/learning",
                Map.of("HX-Request", "true", "HX-Current-URL", "https://evil.example/x"));
    assertThat(foreign.header("HX-Redirect")).hasValue("/login?expired");

    Person member = People.provision(identity, "shx");
    Browser browser = new Browser(port);
    Page login = browser.get(redirect);
    assertThat(login.body())
        .contains("data-testid=\"login-notice\"")
        .contains("name=\"next\" value=\"" + lesson.replace("&", "&amp;") + "\"");
    Page wrong =
        browser.post(
            "/login", Map.of("email", member.email(), "password", "not it", "next", lesson));
    assertThat(wrong.location()).contains("error=credentials").contains("next=");
    Page signedIn =
        browser.post(
            "/login", Map.of("email", member.email(), "password", People.PASSWORD, "next", lesson));
    assertThat(signedIn.location()).endsWith(lesson);
    assertThat(new Browser(port).get("/login?next=//evil.example/x").body())
        .as("an off-site next is not carried into the form")
        .doesNotContain("name=\"next\"");
  }

  @Test
  void aStaleFormTokenAsksForAReloadInsteadOfDenyingAccess() {
    Person member = People.provision(identity, "shc");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    browser.get("/settings/profile");
    Map<String, String> stale = Map.of("_csrf", "stale-" + UUID.randomUUID(), "displayName", "X");

    Page form = browser.post("/settings/profile", stale);
    assertThat(form.status()).isEqualTo(403);
    assertThat(form.body())
        .contains("data-testid=\"error-page\"")
        .contains("Reload the page and try again")
        .doesNotContain("doesn’t have access");

    Page htmx = browser.post("/settings/profile", stale, Map.of("HX-Request", "true"));
    assertThat(htmx.status()).isEqualTo(403);
    assertThat(htmx.header("HX-Refresh")).hasValue("true");

    Page denied = browser.get("/admin");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.body()).contains("doesn’t have access");
  }

  @Test
  void errorPagesSpeakBothLanguagesLeadHomeAndNeverShowInternals() {
    Person member = People.provision(identity, "she");
    for (String language : List.of("en", "zh-CN")) {
      Browser visitor = new Browser(port).language(language);
      Browser signedIn = new Browser(port).language(language);
      signedIn.signIn(member.email(), People.PASSWORD);
      // The member's own pages are in English (their preference); the cookie follows the switch.
      signedIn.get("/lang?to=" + language + "&return=/");
      boolean zh = language.startsWith("zh");

      assertErrorPage(
          visitor.get("/courses/x/lessons/not-a-lesson-id"),
          400,
          language,
          zh ? "请求格式有误" : "That request didn’t look right");
      assertErrorPage(
          signedIn.get("/admin"), 403, language, zh ? "无法打开此页面" : "You can’t open this page");
      assertErrorPage(visitor.get("/no/such/page"), 404, language, zh ? "页面不存在" : "Page not found");
      assertErrorPage(
          signedIn.get("/learning/lessons/" + UUID.randomUUID() + "/complete"),
          405,
          language,
          zh ? "此处不支持这个操作" : "That action isn’t available here");
      assertErrorPage(
          signedIn.post("/orders/" + UUID.randomUUID(), Map.of()),
          405,
          language,
          zh ? "此处不支持这个操作" : "That action isn’t available here");
    }
  }

  @Test
  void aMissingMediaFileSaysSoInTheVisitorsLanguage() {
    Page zh = new Browser(port).language("zh-CN").get("/media/i/" + UUID.randomUUID());
    assertThat(zh.status()).isEqualTo(404);
    assertThat(zh.body().strip()).isEqualTo("页面不存在");
    Page en = new Browser(port).get("/media/i/" + UUID.randomUUID());
    assertThat(en.body().strip()).isEqualTo("Page not found");
  }

  @Test
  void aRefusedCheckoutExplainsItselfInsteadOfShowingAMessageKey() {
    Browser premium = new Browser(port);
    premium.signIn("premium@guildhall.demo", "guildhall-demo");
    List<Map<String, Object>> forSale =
        jdbc.sql(
                "SELECT kind, id FROM content_item WHERE access = 'PURCHASE'"
                    + " AND status = 'PUBLISHED'")
            .query()
            .listOfRows();
    List<Page> conflicts = new ArrayList<>();
    for (Map<String, Object> item : forSale) {
      String ref = item.get("kind").toString().toLowerCase() + "/" + item.get("id");
      Matcher key = KEY.matcher(premium.get("/checkout?item=" + ref).body());
      if (key.find()) {
        Page refused = premium.post("/checkout", Map.of("item", ref, "key", key.group(1)));
        if (refused.status() == 409) {
          conflicts.add(refused);
        }
      }
    }
    assertThat(conflicts)
        .as("a Premium member already reads an item that is also sold on its own")
        .isNotEmpty();
    // The demo's Premium member reads in Chinese (their profile's language).
    assertThat(conflicts.get(0).body())
        .contains("data-testid=\"checkout-error\"")
        .contains("你已经可以阅读这条内容，无需购买。")
        .doesNotContain("problem.content");
  }

  @Test
  void apiAddressesAnswerProblemDetailsInsteadOfPages() {
    Person member = People.provision(identity, "sha");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    String token = browser.createAccessToken("shell test", "30").orElseThrow();
    Map<String, String> client =
        Map.of("Accept", "application/json", "Authorization", "Bearer " + token);
    Browser api = new Browser(port).language("zh-CN");

    assertProblem(api.get("/api/v1/items/course/no-such-course", client), 404);
    assertProblem(api.get("/api/v1/courses/x/lessons/not-a-lesson-id", client), 400);
    Page wrongMethod = api.get("/api/v1/lessons/" + UUID.randomUUID() + "/complete", client);
    assertProblem(wrongMethod, 405);
    assertThat(wrongMethod.body()).contains("\"title\":\"").contains("\"detail\":\"");
    assertProblem(api.get("/api/v1/admin/members", client), 403);
    assertProblem(new Browser(port).get("/api/v1/learning", Map.of()), 401);

    Page rejected = api.get("/x;jsessionid=1", Map.of("Accept", "application/json"));
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.body())
        .as("the problem names the address that failed, not the error dispatch")
        .contains("\"instance\":\"/x;jsessionid=1\"");
  }

  @Test
  void addressesTheServerRefusesToParseStillGetTheDesignedPage() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/certificates/%00"))
                .header("Accept-Language", "zh-CN")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body())
        .contains("<html lang=\"zh-CN\"")
        .contains("data-testid=\"error-page\"")
        .contains("请求格式有误")
        .contains("href=\"/\"")
        .contains("/css/guildhall.css")
        .doesNotContain("Tomcat")
        .doesNotContain("Invalid URI");

    HttpResponse<String> api =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/a%2Fb"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(api.body())
        .contains("\"type\":\"/problems/http-400\"")
        .contains("\"status\":400")
        .doesNotContain("encoded slash");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static void assertProblem(Page page, int status) {
    assertThat(page.status()).as(page.response().uri().toString()).isEqualTo(status);
    assertThat(page.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(page.body())
        .contains("\"status\":" + status)
        .contains("\"type\":\"/problems/")
        .doesNotContain("<html")
        .doesNotContain("Exception")
        .doesNotContain("at org.");
  }

  private static void assertErrorPage(Page page, int status, String language, String title) {
    assertThat(page.status()).as("status for %s", title).isEqualTo(status);
    assertThat(page.body())
        .as("%d page in %s", status, language)
        .contains("<html lang=\"" + language + "\"")
        .contains("data-testid=\"error-page\"")
        .contains("<p class=\"error-page__code\">" + status + "</p>")
        .contains(title)
        .contains("<a class=\"btn btn--primary\" href=\"/\">")
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("java.")
        .doesNotContain("Whitelabel")
        .doesNotContain("error." + status);
  }

  private static List<String> navLinks(String html) {
    Matcher nav = NAV.matcher(html);
    assertThat(nav.find()).as("the page has the main navigation").isTrue();
    List<String> hrefs = new ArrayList<>();
    Matcher link = NAV_LINK.matcher(nav.group());
    while (link.find()) {
      Matcher href = HREF.matcher(link.group(1));
      if (href.find()) {
        hrefs.add(href.group(1));
      }
    }
    return hrefs;
  }

  private static List<String> currentNavLinks(String html) {
    Matcher nav = NAV.matcher(html);
    assertThat(nav.find()).isTrue();
    List<String> current = new ArrayList<>();
    Matcher link = NAV_LINK.matcher(nav.group());
    while (link.find()) {
      if (link.group(1).contains("aria-current=\"page\"")) {
        Matcher href = HREF.matcher(link.group(1));
        href.find();
        current.add(href.group(1));
      }
    }
    return current;
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
