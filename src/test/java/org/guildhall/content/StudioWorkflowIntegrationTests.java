package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.platform.DomainException;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The editorial workflow through the studio's pages: an expert writes and submits, the owner
 * publishes now, schedules or sends back with a note; steps the state does not allow are refused
 * with 409, stale forms with 409 that keeps the typed text, bad input with every field error and
 * nothing saved; and nobody changes what is not theirs.
 */
@WebIntegrationTest
class StudioWorkflowIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ContentApi content;
  @Autowired CapturedEvents events;
  @Autowired MutableClock clock;

  StudioFixtures fixtures;
  Person expert;
  Person owner;
  Browser author;
  Browser reviewer;

  @BeforeEach
  void people() {
    fixtures = new StudioFixtures(context, port);
    expert = fixtures.expert();
    owner = fixtures.owner();
    author = fixtures.browser(expert);
    reviewer = fixtures.browser(owner);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  static String unique(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  boolean visible(UUID id) {
    String slug =
        fixtures
            .jdbc()
            .sql("SELECT slug FROM content_item WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    try {
      content.page(ContentKind.ARTICLE, slug, content.reader(null), Locale.ENGLISH);
      return true;
    } catch (DomainException e) {
      assertThat(e.status().value()).isEqualTo(404);
      return false;
    }
  }

  @Test
  void anExpertWritesAndSubmitsAndTheOwnerPublishesFromTheQueue() {
    String title = unique("How to run a salon");
    UUID id =
        fixtures.create(
            author,
            "article",
            StudioFixtures.form(title, "First paragraph.\n\n<!--more-->\n\nPaid."));
    assertThat(fixtures.status(id)).isEqualTo("DRAFT");
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", id))
        .isOne();
    assertThat(
            fixtures
                .jdbc()
                .sql("SELECT preview_html FROM content_item WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .contains("First paragraph.")
        .doesNotContain("Paid.");

    Page editor = author.get("/studio/items/" + id);
    assertThat(editor.body())
        .contains(title)
        .contains("data-testid=\"submit\"")
        .doesNotContain("data-testid=\"publish\"");
    assertThat(author.get("/studio").body()).contains("data-id=\"" + id + "\"");
    assertThat(visible(id)).isFalse();

    Map<String, String> submit =
        StudioFixtures.form(title, "First paragraph.\n\n<!--more-->\n\nPaid.");
    submit.put("action", "submit");
    Page submitted = fixtures.save(author, id, submit);
    assertThat(submitted.status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("IN_REVIEW");
    assertThat(events.all(ContentEvents.ItemSubmitted.class))
        .anyMatch(e -> e.itemId().equals(id) && e.authorId().equals(expert.id()));

    Page queue = reviewer.get("/studio/review");
    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.body()).contains("data-id=\"" + id + "\"").contains(title);
    Page approved =
        reviewer.post(
            "/studio/items/" + id + "/approve", Map.of("when", "now", "return", "/studio/review"));
    assertThat(approved.status()).isEqualTo(302);
    assertThat(approved.location()).endsWith("/studio/review");
    assertThat(fixtures.status(id)).isEqualTo("PUBLISHED");
    assertThat(events.all(ContentEvents.ItemPublished.class)).anyMatch(e -> e.itemId().equals(id));
    assertThat(visible(id)).isTrue();
    assertThat(reviewer.get("/studio/review").body()).doesNotContain("data-id=\"" + id + "\"");

    // published: the expert may archive it, and take it back to draft from there
    Map<String, String> archive = StudioFixtures.form(title, "First paragraph.");
    archive.put("action", "archive");
    assertThat(fixtures.save(author, id, archive).status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("ARCHIVED");
    Map<String, String> reopen = StudioFixtures.form(title, "First paragraph.");
    reopen.put("action", "reopen");
    assertThat(fixtures.save(author, id, reopen).status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("DRAFT");
  }

  @Test
  void theOwnerSchedulesForATimeInTheirOwnZone() {
    UUID id = fixtures.create(author, "article", StudioFixtures.form(unique("Scheduled"), "Soon."));
    Map<String, String> submit = StudioFixtures.form("Scheduled piece", "Soon.");
    submit.put("action", "submit");
    fixtures.save(author, id, submit);

    ZoneId zone =
        ZoneId.of(
            fixtures
                .jdbc()
                .sql("SELECT time_zone FROM account WHERE id = ?")
                .param(owner.id())
                .query(String.class)
                .single());
    LocalDateTime local =
        LocalDateTime.ofInstant(clock.instant(), zone).plusDays(2).truncatedTo(ChronoUnit.MINUTES);

    reviewer.get("/studio/review");
    // no time given: refused, nothing changes
    Page missing =
        reviewer.post("/studio/items/" + id + "/approve", Map.of("when", "later", "publishAt", ""));
    assertThat(missing.status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("IN_REVIEW");
    assertThat(reviewer.get("/studio/review").body())
        .contains("Choose a publication time in the future.");

    Page scheduled =
        reviewer.post(
            "/studio/items/" + id + "/approve",
            Map.of("when", "later", "publishAt", local.toString()));
    assertThat(scheduled.status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("SCHEDULED");
    java.time.Instant at =
        fixtures
            .jdbc()
            .sql("SELECT published_at FROM content_item WHERE id = ?")
            .param(id)
            .query(java.time.OffsetDateTime.class)
            .single()
            .toInstant();
    assertThat(at).isEqualTo(local.atZone(zone).toInstant());
    assertThat(visible(id)).isFalse();
    assertThat(author.get("/studio/items/" + id).body()).contains("data-testid=\"scheduled-at\"");
  }

  @Test
  void theOwnerSendsItBackWithANoteTheAuthorSees() {
    String title = unique("Needs work");
    UUID id = fixtures.create(author, "article", StudioFixtures.form(title, "Draft text."));
    Map<String, String> submit = StudioFixtures.form(title, "Draft text.");
    submit.put("action", "submit");
    fixtures.save(author, id, submit);

    reviewer.get("/studio/items/" + id);
    Page empty = reviewer.post("/studio/items/" + id + "/reject", Map.of("note", " "));
    assertThat(empty.status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("IN_REVIEW");

    String note = "Please add <b>examples</b> & a summary.";
    reviewer.get("/studio/items/" + id);
    Page rejected =
        reviewer.post(
            "/studio/items/" + id + "/reject",
            Map.of("note", note, "return", "/studio/items/" + id));
    assertThat(rejected.status()).isEqualTo(302);
    assertThat(rejected.location()).endsWith("/studio/items/" + id);
    assertThat(fixtures.status(id)).isEqualTo("DRAFT");
    assertThat(events.all(ContentEvents.ItemRejected.class))
        .anyMatch(e -> e.itemId().equals(id) && e.note().equals(note));

    Page page = author.get("/studio/items/" + id);
    assertThat(page.body())
        .contains("data-testid=\"review-note\"")
        .contains("Please add &lt;b&gt;examples&lt;/b&gt; &amp; a summary.")
        .doesNotContain("<b>examples</b>");
    assertThat(author.get("/studio").body()).contains("Sent back");

    // submitting again clears the note
    fixtures.save(author, id, submit);
    assertThat(fixtures.status(id)).isEqualTo("IN_REVIEW");
    assertThat(author.get("/studio/items/" + id).body())
        .doesNotContain("data-testid=\"review-note\"");
  }

  @Test
  void stepsTheStateDoesNotAllowAreRefusedWith409AndAMessage() {
    String title = unique("Twice");
    UUID id = fixtures.create(author, "article", StudioFixtures.form(title, "Text."));
    Map<String, String> archive = StudioFixtures.form(title + " changed", "Text changed.");
    archive.put("action", "archive");
    Page notPublished = fixtures.save(author, id, archive);
    assertThat(notPublished.status()).isEqualTo(409);
    assertThat(notPublished.body())
        .contains("Only a published item can be archived.")
        // the typed text is kept, and nothing was saved
        .contains(title + " changed");
    assertThat(fixtures.status(id)).isEqualTo("DRAFT");
    assertThat(
            fixtures
                .jdbc()
                .sql("SELECT title FROM content_item WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo(title);

    Map<String, String> submit = StudioFixtures.form(title, "Text.");
    submit.put("action", "submit");
    assertThat(fixtures.save(author, id, submit).status()).isEqualTo(302);
    Page again = fixtures.save(author, id, submit);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("Only a draft can be sent for review.");
    assertThat(fixtures.status(id)).isEqualTo("IN_REVIEW");

    // the owner cannot publish what is already published
    reviewer.get("/studio/review");
    reviewer.post("/studio/items/" + id + "/approve", Map.of("when", "now"));
    assertThat(fixtures.status(id)).isEqualTo("PUBLISHED");
    reviewer.get("/studio/review");
    Page twice = reviewer.post("/studio/items/" + id + "/approve", Map.of("when", "now"));
    assertThat(twice.status()).isEqualTo(302);
    assertThat(reviewer.get("/studio/review").body()).contains("can be published or scheduled");
  }

  @Test
  void theOwnerPublishesFromTheEditorButNotInThePast() {
    String title = unique("Owner piece");
    UUID id = fixtures.create(reviewer, "article", StudioFixtures.form(title, "By the owner."));
    Page editor = reviewer.get("/studio/items/" + id);
    assertThat(editor.body())
        .contains("data-testid=\"publish\"")
        .contains("data-testid=\"schedule\"");

    Map<String, String> past = StudioFixtures.form(title, "By the owner.");
    past.put("action", "schedule");
    past.put("publishAt", "2001-01-01T09:00");
    Page refused = fixtures.save(reviewer, id, past);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-publishAt\"")
        .contains("Choose a publication time in the future.");
    assertThat(fixtures.status(id)).isEqualTo("DRAFT");

    Map<String, String> now = StudioFixtures.form(title, "By the owner.");
    now.put("action", "publish");
    assertThat(fixtures.save(reviewer, id, now).status()).isEqualTo(302);
    assertThat(fixtures.status(id)).isEqualTo("PUBLISHED");

    // a published item keeps its address
    Map<String, String> moved = StudioFixtures.form(title, "By the owner.");
    moved.put("slug", "a-new-address-" + UUID.randomUUID().toString().substring(0, 6));
    Page slug = fixtures.save(reviewer, id, moved);
    assertThat(slug.status()).isEqualTo(422);
    assertThat(slug.body()).contains("data-testid=\"error-slug\"").contains("keeps its address");
  }

  @Test
  void aStaleFormIsRefusedWith409AndKeepsWhatWasTyped() {
    String title = unique("Shared");
    UUID id = fixtures.create(author, "article", StudioFixtures.form(title, "Version one."));
    author.get("/studio/items/" + id);
    long opened = fixtures.version(id);

    // meanwhile the owner saves
    assertThat(
            fixtures.save(reviewer, id, StudioFixtures.form(title, "The owner's words.")).status())
        .isEqualTo(302);

    author.get("/studio/items/" + id);
    Map<String, String> mine = StudioFixtures.form(title, "My careful rewrite.");
    mine.put("version", Long.toString(opened));
    Page stale = author.post("/studio/items/" + id, mine);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body())
        .contains("data-testid=\"stale\"")
        .contains("My careful rewrite.")
        .contains("Someone else saved this after you opened it.");
    assertThat(body(id)).isEqualTo("The owner's words.");

    Matcher overwrite =
        Pattern.compile("name=\"overwriteVersion\" value=\"(\\d+)\"").matcher(stale.body());
    assertThat(overwrite.find()).isTrue();
    mine.put("overwriteVersion", overwrite.group(1));
    Page saved = author.post("/studio/items/" + id, mine);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(body(id)).isEqualTo("My careful rewrite.");
  }

  String body(UUID id) {
    return fixtures
        .jdbc()
        .sql("SELECT body_md FROM content_item WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void everyBadFieldIsShownNextToItAndNothingIsSaved() {
    long before = fixtures.count("SELECT COUNT(*) FROM content_item");
    author.get("/studio/items/new?kind=article");
    Map<String, String> bad = StudioFixtures.form(" ", "Body");
    bad.put("kind", "ARTICLE");
    bad.put("slug", "Not A Slug!");
    bad.put("excerpt", "x".repeat(601));
    bad.put("tags", "a,b,c,d,e,f,g,h,i,j,k");
    bad.put("access", "PURCHASE");
    bad.put("price", "12.345");
    bad.put("note", "n".repeat(201));
    Page refused = author.post("/studio/items", bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"form-errors\"")
        .contains("data-testid=\"error-title\"")
        .contains("data-testid=\"error-slug\"")
        .contains("data-testid=\"error-excerpt\"")
        .contains("data-testid=\"error-tags\"")
        .contains("data-testid=\"error-price\"")
        .contains("data-testid=\"error-note\"")
        .contains("value=\"Not A Slug!\"")
        .contains("value=\"12.345\"");
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_item")).isEqualTo(before);

    Map<String, String> noPrice = StudioFixtures.form("Paid piece", "Body");
    noPrice.put("kind", "ARTICLE");
    noPrice.put("access", "PURCHASE");
    Page unpriced = author.post("/studio/items", noPrice);
    assertThat(unpriced.status()).isEqualTo(422);
    assertThat(unpriced.body()).contains("A paid item needs a price above zero.");

    // an existing item: nothing changes either
    String title = unique("Kept");
    UUID id = fixtures.create(author, "audio", StudioFixtures.form(title, "Kept text."));
    long version = fixtures.version(id);
    Map<String, String> worse = StudioFixtures.form("", "Changed text.");
    worse.put("mediaId", UUID.randomUUID().toString());
    worse.put("duration", "ninety");
    Page again = fixtures.save(author, id, worse);
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body())
        .contains("data-testid=\"error-title\"")
        .contains("data-testid=\"error-mediaId\"")
        .contains("Choose one of your own uploads.")
        .contains("data-testid=\"error-duration\"");
    assertThat(fixtures.version(id)).isEqualTo(version);
    assertThat(body(id)).isEqualTo("Kept text.");

    // an audio item goes to review only with its file
    Map<String, String> submit = StudioFixtures.form(title, "Kept text.");
    submit.put("action", "submit");
    Page noFile = fixtures.save(author, id, submit);
    assertThat(noFile.status()).isEqualTo(422);
    assertThat(noFile.body()).contains("Choose the audio or video file this item plays.");
    assertThat(fixtures.status(id)).isEqualTo("DRAFT");
  }

  @Test
  void aPaidItemTakesItsPriceInYuan() {
    Map<String, String> paid = StudioFixtures.form(unique("Paid course"), "Lessons.");
    paid.put("access", "PURCHASE");
    paid.put("price", "49.90");
    paid.put("includedRank", "2");
    UUID id = fixtures.create(author, "course", paid);
    Map<String, Object> row =
        fixtures
            .jdbc()
            .sql(
                "SELECT access, price_minor, currency, min_tier_rank FROM content_item WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row.get("access")).isEqualTo("PURCHASE");
    assertThat(((Number) row.get("price_minor")).longValue()).isEqualTo(4990);
    assertThat(row.get("currency").toString().strip()).isEqualTo("CNY");
    assertThat(((Number) row.get("min_tier_rank")).intValue()).isEqualTo(2);
    assertThat(author.get("/studio/items/" + id).body()).contains("value=\"49.9\"");
  }

  @Test
  void onlyAuthorsAndTheOwnerMayTouchItems() {
    UUID mine = fixtures.create(author, "article", StudioFixtures.form(unique("Mine"), "Mine."));
    Person other = fixtures.expert();
    Browser stranger = fixtures.browser(other);
    UUID theirs =
        fixtures.create(stranger, "article", StudioFixtures.form(unique("Theirs"), "Theirs."));

    // members and visitors
    Browser member = fixtures.browser(fixtures.member());
    assertThat(member.get("/studio").status()).isEqualTo(403);
    assertThat(member.get("/studio/items/" + mine).status()).isEqualTo(403);
    Page anonymous = new Browser(port).get("/studio");
    assertThat(anonymous.status()).isEqualTo(302);
    assertThat(anonymous.location()).contains("/login");

    // another expert
    assertThat(author.get("/studio/items/" + theirs).status()).isEqualTo(403);
    assertThat(author.get("/studio/items/" + theirs + "/revisions").status()).isEqualTo(403);
    author.get("/studio");
    Page overwrite =
        author.post(
            "/studio/items/" + theirs, new HashMap<>(StudioFixtures.form("Hijacked", "Hijacked.")));
    assertThat(overwrite.status()).isEqualTo(403);
    assertThat(body(theirs)).isEqualTo("Theirs.");
    assertThat(author.get("/studio").body())
        .contains("data-id=\"" + mine + "\"")
        .doesNotContain("data-id=\"" + theirs + "\"");

    // an expert does not review
    assertThat(author.get("/studio/review").status()).isEqualTo(403);
    author.get("/studio");
    assertThat(author.post("/studio/items/" + mine + "/approve", Map.of("when", "now")).status())
        .isEqualTo(403);
    Map<String, String> publish = StudioFixtures.form("Mine", "Mine.");
    publish.put("action", "publish");
    assertThat(fixtures.save(author, mine, publish).status()).isEqualTo(403);
    assertThat(fixtures.status(mine)).isEqualTo("DRAFT");
    assertThatThrownBy(() -> context.getBean(StudioApi.class).approve(mine, null, expert.id()))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).status().value())
        .isEqualTo(403);

    // the owner sees and edits everyone's, and filters by author
    Page all = reviewer.get("/studio?author=" + other.id());
    assertThat(all.body())
        .contains("data-id=\"" + theirs + "\"")
        .doesNotContain("data-id=\"" + mine + "\"");
    assertThat(reviewer.get("/studio/items/" + theirs).status()).isEqualTo(200);
  }

  @Test
  void everyStudioFormCarriesTheCsrfTokenAndAFormWithoutOneIsRefused() {
    UUID course =
        fixtures.create(author, "course", StudioFixtures.form(unique("Course"), "About."));
    fixtures.jdbc().sql("SELECT 1").query(Integer.class).single();
    author.get("/studio/items/" + course);
    author.post("/studio/items/" + course + "/sections", Map.of("title", "Part one"));
    Page editor = author.get("/studio/items/" + course);
    Map<String, String> submit = StudioFixtures.form("Course", "About.");
    submit.put("action", "submit");
    fixtures.save(author, course, submit);
    for (Page page :
        List.of(
            editor,
            author.get("/studio"),
            author.get("/studio/items/new?kind=video"),
            author.get("/studio/items/" + course + "/outline"),
            reviewer.get("/studio/review"),
            reviewer.get("/studio/items/" + course))) {
      assertThat(page.status()).isEqualTo(200);
      Matcher forms =
          Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL)
              .matcher(page.body());
      int found = 0;
      while (forms.find()) {
        found++;
        assertThat(forms.group(1)).as(forms.group()).contains("name=\"_csrf\"");
      }
      assertThat(found).isPositive();
    }

    String before = body(course);
    Page forged =
        author.postWithoutCsrf(
            "/studio/items/" + course, StudioFixtures.form("Forged", "Forged text."));
    assertThat(forged.status()).isEqualTo(403);
    assertThat(body(course)).isEqualTo(before);
    assertThat(author.postWithoutCsrf("/studio/preview", Map.of("bodyMd", "x")).status())
        .isEqualTo(403);
  }

  @Test
  void theListPagesByKeyAndFiltersByStatusAndKind() {
    for (int i = 0; i < 27; i++) {
      content.create(
          ContentKind.ARTICLE, ItemDraft.of(unique("Paged " + i), "en", "x"), expert.id());
      clock.advance(Duration.ofSeconds(1));
    }
    UUID video = fixtures.create(author, "video", StudioFixtures.form(unique("A video"), "Watch."));
    Page first = author.get("/studio");
    assertThat(rows(first)).hasSize(25);
    assertThat(first.body()).contains("id=\"load-more-row\"");
    Matcher next = Pattern.compile("hx-get=\"(/studio\\?after=[^\"]+)\"").matcher(first.body());
    assertThat(next.find()).isTrue();
    Page second = author.get(next.group(1).replace("&amp;", "&"), Map.of("HX-Request", "true"));
    assertThat(second.body()).doesNotContain("<html");
    assertThat(rows(second)).hasSize(3).doesNotContainAnyElementsOf(rows(first));

    assertThat(rows(author.get("/studio?kind=VIDEO"))).containsExactly(video.toString());
    assertThat(rows(author.get("/studio?status=PUBLISHED"))).isEmpty();
  }

  static List<String> rows(Page page) {
    Matcher m =
        Pattern.compile("data-testid=\"studio-row\" data-id=\"([^\"]+)\"").matcher(page.body());
    List<String> ids = new java.util.ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
