package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.identity.IdentityApi;
import org.guildhall.membership.MembershipApi;
import org.guildhall.shared.Money;
import org.guildhall.support.Browser;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.SqlCounter;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Reader pages decide through the access policy: previews are open, the rest shows the paywall with
 * the ways in and never the body; members of the right tier read everything; drafts are not there
 * for readers; the course page runs the same statements for 5 and 20 lessons.
 */
@WebIntegrationTest
class ContentPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired CommerceApi commerce;
  @Autowired SqlCounter sql;
  @Autowired MutableClock clock;
  @Autowired ApplicationContext context;
  @Autowired org.guildhall.learning.LearningApi learning;

  ContentFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new ContentFixtures(content, identity);
  }

  @Test
  void aVisitorWatchesThePreviewAndMeetsThePaywallOnTheRest() {
    var course = fixtures.course("Premium course", ContentAccess.MEMBERS, 2, null, 4, 1);
    Browser visitor = new Browser(port);

    String page = visitor.get(course.path()).body();
    assertThat(page).contains("Premium course").contains("data-testid=\"outline\"");
    assertThat(page).contains("data-testid=\"paywall\"").contains("way-tier-premium");
    assertThat(page).contains("href=\"" + course.lessonPath(1) + "\"");
    assertThat(page).doesNotContain("href=\"" + course.lessonPath(2) + "\"");

    String preview = visitor.get(course.lessonPath(1)).body();
    assertThat(preview)
        .contains("Secret text of lesson 1")
        .doesNotContain("data-testid=\"paywall\"");

    String locked = visitor.get(course.lessonPath(2)).body();
    assertThat(locked)
        .contains("data-testid=\"paywall\"")
        .doesNotContain("Secret text of lesson 2");
    // the paywall's way in brings the buyer back to this lesson after paying
    assertThat(locked).contains("next=%2Fcourses%2F" + course.slug() + "%2Flessons%2F");
  }

  @Test
  void aMemberOfTheTierReadsEveryLesson() {
    var course = fixtures.course("Basic course", ContentAccess.MEMBERS, 1, null, 3, 0);
    People.Person member =
        ContentFixtures.member(identity, commerce, payments(), port, "c-basic", "basic");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);

    assertThat(browser.get(course.path()).body())
        .doesNotContain("data-testid=\"paywall\"")
        .contains("href=\"" + course.lessonPath(3) + "\"");
    assertThat(browser.get(course.lessonPath(3)).body()).contains("Secret text of lesson 3");
  }

  @Test
  void aSoldCourseOffersItsPriceAndIsIncludedForTheHigherTier() {
    var course =
        fixtures.course("Sold course", ContentAccess.PURCHASE, 2, Money.of(19900, "CNY"), 2, 0);
    Browser free = new Browser(port);
    People.Person person = People.provision(identity, "c-free");
    free.signIn(person.email(), People.PASSWORD);
    String page = free.get(course.path()).body();
    assertThat(page)
        .contains("data-testid=\"way-buy\"")
        .contains("¥199")
        .contains("/checkout?item=course/" + course.id());
    assertThat(free.get(course.lessonPath(1)).body()).doesNotContain("Secret text of lesson 1");

    People.Person premium =
        ContentFixtures.member(identity, commerce, payments(), port, "c-prem", "premium");
    Browser member = new Browser(port);
    member.signIn(premium.email(), People.PASSWORD);
    assertThat(member.get(course.lessonPath(1)).body()).contains("Secret text of lesson 1");
  }

  @Test
  void anArticleShowsItsFreePartThenThePaywall() {
    var column =
        content.create(
            ContentKind.COLUMN,
            new ItemDraft(
                "Members column",
                null,
                "en",
                "",
                "",
                null,
                List.of(),
                null,
                null,
                null,
                null,
                ContentAccess.MEMBERS,
                1,
                null),
            fixtures.expert.id());
    content.approve(column, null, fixtures.owner.id());
    fixtures.article(
        "Column piece",
        "The open opening.\n\n<!--more-->\n\nThe members-only ending.",
        ContentAccess.PUBLIC,
        0,
        column);
    var slug =
        content
            .catalog(
                new CatalogFilter(ContentKind.COLUMN, null, null, null),
                null,
                48,
                content.reader(null))
            .items()
            .stream()
            .filter(c -> c.id().equals(column))
            .findFirst()
            .orElseThrow()
            .slug();
    Browser visitor = new Browser(port);
    String columnPage = visitor.get("/columns/" + slug).body();
    assertThat(columnPage).contains("Column piece");

    String articleSlug =
        content
            .page(ContentKind.COLUMN, slug, content.reader(null), java.util.Locale.ENGLISH)
            .articles()
            .get(0)
            .slug();
    String article = visitor.get("/articles/" + articleSlug).body();
    assertThat(article)
        .contains("The open opening.")
        .doesNotContain("members-only ending")
        .contains("data-testid=\"paywall\"");
  }

  @Test
  void theHomePageShowsANewArticleAtOnceAndForgetsAnArchivedOne() {
    Browser visitor = new Browser(port);
    visitor.get("/"); // fills the home page's shared lists
    clock.advance(Duration.ofSeconds(1)); // the newest of the week, whatever other tests published
    String title = "Fresh " + UUID.randomUUID();
    UUID id = fixtures.article(title, "Body", ContentAccess.PUBLIC, 0, null);

    assertThat(visitor.get("/").body()).contains(title);

    content.archive(id, fixtures.expert.id());
    assertThat(visitor.get("/").body()).doesNotContain(title);
  }

  @Test
  void draftsAreNotThereForReadersButTheAuthorSeesThem() {
    var id =
        content.create(
            ContentKind.ARTICLE,
            ItemDraft.of("Unfinished draft", "en", "Work in progress"),
            fixtures.expert.id());
    String slug = slugOf(id);
    assertThat(new Browser(port).get("/articles/" + slug).status()).isEqualTo(404);
    Browser author = new Browser(port);
    author.signIn(fixtures.expert.email(), People.PASSWORD);
    assertThat(author.get("/articles/" + slug).body())
        .contains("Work in progress")
        .contains("data-testid=\"status\"");
  }

  @Test
  void theCatalogPagesByKeyAndTheFragmentCarriesOnlyCards() {
    for (int i = 0; i < 14; i++) {
      fixtures.article("Paged " + i, "Body " + i, ContentAccess.PUBLIC, 0, null);
    }
    Browser visitor = new Browser(port);
    String first = visitor.get("/courses?kind=article").body();
    assertThat(first).contains("data-testid=\"load-more\"");
    String more =
        first
            .replaceAll("(?s).*data-testid=\"catalog\".*?hx-get=\"([^\"]+)\".*", "$1")
            .replace("&amp;", "&");
    String fragment = visitor.get(more, Map.of("HX-Request", "true")).body();
    assertThat(fragment).doesNotContain("<html").contains("content-card");
  }

  @Test
  void theCoursePageRunsAFixedNumberOfStatementsWhateverTheLessonCount() {
    People.Person premium =
        ContentFixtures.member(identity, commerce, payments(), port, "c-qc", "premium");
    Browser browser = new Browser(port);
    browser.signIn(premium.email(), People.PASSWORD);
    var small = fixtures.course("Small course", ContentAccess.MEMBERS, 2, null, 5, 1);
    var large = fixtures.course("Large course", ContentAccess.MEMBERS, 2, null, 20, 1);
    // the member's progress: enrolled in both, some lessons done
    for (var course : List.of(small, large)) {
      learning.enrol(premium.id(), course.id());
      learning.complete(premium.id(), course.lessons().get(0));
      learning.complete(premium.id(), course.lessons().get(1));
    }
    assertThat(browser.get(large.path()).body()).contains("data-testid=\"percent\">10%");

    int forSmall = statements(browser, small.path());
    int forLarge = statements(browser, large.path());
    assertThat(forLarge).isEqualTo(forSmall);
    assertThat(forLarge).isLessThanOrEqualTo(16);
  }

  int statements(Browser browser, String path) {
    browser.get(path);
    sql.reset();
    assertThat(browser.get(path).status()).isEqualTo(200);
    return (int) sql.statements().stream().filter(s -> !s.contains("SPRING_SESSION")).count();
  }

  String slugOf(java.util.UUID id) {
    return content.cards(List.of(id), content.reader(fixtures.owner.id())).get(0).slug();
  }

  CommercePaymentsForTests payments() {
    return new CommercePaymentsForTests(context, port);
  }
}
