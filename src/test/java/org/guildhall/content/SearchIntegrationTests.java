package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.MembershipApi;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search through the facade, for readers the access policy describes: the demo's free, basic (rank
 * 1) and premium (rank 2, seven days' early access) members, a visitor, and authors.
 */
@WebIntegrationTest
class SearchIntegrationTests {

  static final Locale EN = Locale.ENGLISH;

  @Autowired SearchApi search;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  UUID owner;
  UUID expert;

  @BeforeEach
  void people() {
    owner = People.provision(identity, "own", Role.OWNER).id();
    expert = People.provision(identity, "exp", Role.EXPERT).id();
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  Reader visitor() {
    return content.reader(null);
  }

  Reader free() {
    return content.reader(SearchFixtures.demo(identity, membership, "free@guildhall.demo", false));
  }

  Reader basic() {
    return content.reader(SearchFixtures.demo(identity, membership, "basic@guildhall.demo", true));
  }

  Reader premium() {
    return content.reader(
        SearchFixtures.demo(identity, membership, "premium@guildhall.demo", true));
  }

  SearchResults find(String query, Reader reader) {
    return search.search(query, reader, EN, null, 20);
  }

  Optional<SearchHit> hit(String query, Reader reader, UUID id) {
    return find(query, reader).items().stream().filter(h -> h.item().id().equals(id)).findFirst();
  }

  @Test
  void chineseWordsFindAChineseTitle() {
    UUID id =
        SearchFixtures.published(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft("如何打造高粘性知识付费社群", "", "社群运营的三个阶段。"),
            owner,
            owner);

    SearchHit hit = hit("知识付费", visitor(), id).orElseThrow();

    assertThat(hit.titleHtml()).isEqualTo("如何打造高粘性<mark>知识付费</mark>社群");
    assertThat(hit.item().path()).startsWith("/articles/");
    assertThat(hit.item().locked()).isFalse();
  }

  @Test
  void englishWordsFindAnEnglishArticleWhateverTheirForm() {
    String word = SearchFixtures.word();
    UUID id =
        SearchFixtures.published(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft(
                "Building paid communities that last " + word,
                "Why members stay.",
                "Members stay for each other."),
            owner,
            owner);

    assertThat(hit("community " + word, visitor(), id)).isPresent();
    assertThat(hit("COMMUNITIES " + word, visitor(), id)).isPresent();
    // every word must match somewhere
    assertThat(hit("community " + SearchFixtures.word(), visitor(), id)).isEmpty();
  }

  @Test
  void aWordOnlyInAPremiumBodyFindsItOnlyForThoseWhoMayReadIt() {
    String secret = SearchFixtures.word();
    UUID id =
        SearchFixtures.published(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft(
                "Premium field notes",
                "Notes for premium members.",
                "The first paragraph is open.\n\nThe key idea is " + secret + " in practice.",
                ContentAccess.MEMBERS,
                2,
                null),
            expert,
            owner);

    assertThat(find(secret, visitor()).items()).isEmpty();
    assertThat(find(secret, free()).items()).isEmpty();
    assertThat(find(secret, basic()).items()).isEmpty();

    SearchHit premiumHit = hit(secret, premium(), id).orElseThrow();
    assertThat(premiumHit.item().locked()).isFalse();
    assertThat(premiumHit.snippetHtml()).contains("<mark>" + secret + "</mark>");

    SearchHit authorHit = hit(secret, content.reader(expert), id).orElseThrow();
    assertThat(authorHit.snippetHtml()).contains("<mark>" + secret + "</mark>");
    // staff read everything
    assertThat(hit(secret, content.reader(owner), id)).isPresent();
  }

  @Test
  void aPremiumTitleIsFoundByAFreeMemberLockedAndWithoutASnippet() {
    String word = SearchFixtures.word();
    UUID id =
        SearchFixtures.published(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft(
                "Mentoring notes " + word,
                "What a tutor asks first.",
                "Open part.\n\nThe paid part repeats " + word + " here.",
                ContentAccess.MEMBERS,
                2,
                null),
            owner,
            owner);

    SearchHit freeHit = hit(word, free(), id).orElseThrow();
    assertThat(freeHit.item().locked()).isTrue();
    assertThat(freeHit.titleHtml()).contains("<mark>" + word + "</mark>");
    assertThat(freeHit.snippetHtml()).isNull();

    SearchHit premiumHit = hit(word, premium(), id).orElseThrow();
    assertThat(premiumHit.item().locked()).isFalse();
    assertThat(premiumHit.snippetHtml()).contains("<mark>" + word + "</mark>");
  }

  @Test
  void draftsAndItemsInReviewAreNotFound() {
    String word = SearchFixtures.word();
    UUID draft =
        content.create(
            ContentKind.ARTICLE, SearchFixtures.draft("Draft " + word, "", "Body"), expert);
    UUID inReview =
        content.create(
            ContentKind.ARTICLE, SearchFixtures.draft("Review " + word, "", "Body"), expert);
    content.submit(inReview, expert);

    assertThat(find(word, visitor()).items()).isEmpty();
    assertThat(find(word, content.reader(expert)).items()).isEmpty();
    assertThat(find(word, premium()).items()).isEmpty();

    content.approve(draft, null, owner);
    assertThat(find(word, visitor()).items()).extracting(h -> h.item().id()).containsExactly(draft);
  }

  @Test
  void scheduledItemsAreFoundByEarlyAccessTiersOnlyWithinTheirWindow() {
    String word = SearchFixtures.word();
    Instant now = clock.instant();
    UUID soon =
        SearchFixtures.scheduled(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft("Soon " + word, "", "Body"),
            owner,
            now.plus(Duration.ofDays(3)));
    UUID later =
        SearchFixtures.scheduled(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft("Later " + word, "", "Body"),
            owner,
            now.plus(Duration.ofDays(10)));

    assertThat(ids(word, premium())).containsExactly(soon);
    assertThat(ids(word, basic())).isEmpty();
    assertThat(ids(word, visitor())).isEmpty();

    clock.advance(Duration.ofDays(4));
    // "soon" is public now (whether or not the publishing job ran yet); "later" is in the window
    assertThat(ids(word, premium())).containsExactlyInAnyOrder(soon, later);
    assertThat(ids(word, basic())).containsExactly(soon);
  }

  @Test
  void anArticleInAColumnReadsByTheColumnsAccess() {
    String title = SearchFixtures.word();
    String secret = SearchFixtures.word();
    UUID column =
        SearchFixtures.published(
            content,
            ContentKind.COLUMN,
            SearchFixtures.draft(
                "Member column",
                "For members.",
                "About the column.",
                ContentAccess.MEMBERS,
                1,
                null),
            owner,
            owner);
    UUID article =
        SearchFixtures.published(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft(
                "Column part one " + title,
                "The first part.",
                "Open.\n\nMembers read " + secret + ".",
                ContentAccess.PUBLIC,
                0,
                column),
            owner,
            owner);

    assertThat(find(secret, free()).items()).isEmpty();
    assertThat(hit(secret, basic(), article).orElseThrow().snippetHtml()).contains(secret);
    SearchHit locked = hit(title, free(), article).orElseThrow();
    assertThat(locked.item().locked()).isTrue();
    assertThat(locked.snippetHtml()).isNull();

    // the column opens to everyone: its articles are reindexed with it
    content.update(
        column,
        SearchFixtures.draft(
            "Member column", "For members.", "About the column.", ContentAccess.PUBLIC, 0, null),
        owner);
    assertThat(hit(secret, free(), article)).isPresent();
    assertThat(hit(secret, visitor(), article).orElseThrow().item().locked()).isFalse();
  }

  @Test
  void aCourseIsFoundByItsLessonsTitlesForAllAndTheirTextForItsReaders() {
    String lessonTitle = SearchFixtures.word();
    String lessonText = SearchFixtures.word();
    UUID course =
        SearchFixtures.published(
            content,
            ContentKind.COURSE,
            SearchFixtures.draft(
                "Premium course",
                "A course.",
                "What you will learn.",
                ContentAccess.MEMBERS,
                2,
                null),
            owner,
            owner);
    UUID section = content.addSection(course, "Basics", owner);
    content.addLesson(
        course,
        section,
        new LessonDraft(
            "Lesson " + lessonTitle,
            LessonKind.TEXT,
            "We practise " + lessonText + " together.",
            null,
            null,
            false,
            0,
            List.of()),
        owner);

    SearchHit byTitle = hit(lessonTitle, visitor(), course).orElseThrow();
    assertThat(byTitle.lessonHtml()).contains("<mark>" + lessonTitle + "</mark>");
    assertThat(byTitle.item().locked()).isTrue();
    assertThat(find(lessonText, visitor()).items()).isEmpty();
    assertThat(find(lessonText, free()).items()).isEmpty();
    assertThat(hit(lessonText, premium(), course).orElseThrow().snippetHtml())
        .contains("<mark>" + lessonText + "</mark>");
  }

  @Test
  void highlightsAreEscapedHtmlWithOnlyMarkTags() {
    String word = SearchFixtures.word();
    UUID id =
        SearchFixtures.published(
            content,
            ContentKind.ARTICLE,
            SearchFixtures.draft(
                "<script>alert(1)</script> " + word + " & <b>bold</b>",
                "<img src=x onerror=alert(2)> " + word,
                "Text <script>alert(3)</script> " + word),
            owner,
            owner);

    SearchHit hit = hit(word, visitor(), id).orElseThrow();

    assertThat(hit.titleHtml())
        .contains("&lt;script&gt;")
        .contains("<mark>" + word + "</mark>")
        .doesNotContain("<script")
        .doesNotContain("<b>");
    assertThat(hit.excerptHtml()).doesNotContain("<img").contains("&lt;img");
    assertThat(hit.snippetHtml()).contains("<mark>" + word + "</mark>").doesNotContain("<script");
  }

  @Test
  void aBlankQueryFindsNothingAndAnOverlongOneIsRefused() {
    assertThat(find("   ", visitor()).items()).isEmpty();
    assertThat(find(null, visitor()).blank()).isTrue();
    assertThatThrownBy(() -> find("x".repeat(SearchApi.MAX_QUERY + 1), visitor()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
              assertThat(e.fieldErrors()).containsKey("q");
            });
    // query syntax alone matches nothing and does not fail
    assertThat(find("\" - | + ( *", visitor()).items()).isEmpty();
  }

  @Test
  void pagesThroughResultsWithTheNextCursor() {
    String word = SearchFixtures.word();
    for (int i = 0; i < 5; i++) {
      SearchFixtures.published(
          content,
          ContentKind.ARTICLE,
          SearchFixtures.draft("Paged " + i + " " + word, "", "Body"),
          owner,
          owner);
    }
    SearchResults first = search.search(word, visitor(), EN, null, 2);
    SearchResults second = search.search(word, visitor(), EN, first.next(), 2);
    SearchResults third = search.search(word, visitor(), EN, second.next(), 2);

    assertThat(first.total()).isEqualTo(5);
    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(2);
    assertThat(third.items()).hasSize(1);
    assertThat(third.hasNext()).isFalse();
    assertThat(
            java.util.stream.Stream.of(first, second, third)
                .flatMap(r -> r.items().stream())
                .map(h -> h.item().id())
                .distinct())
        .hasSize(5);
  }

  @Test
  void rowsWrittenBySqlAreFoundOnceTheIndexIsRebuilt() throws Exception {
    String word = SearchFixtures.word();
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO content_item (id, kind, slug, lang, title, excerpt, body_md, author_id,"
                + " status, published_at, access, created_at, updated_at) VALUES (?, 'ARTICLE', ?,"
                + " 'en', ?, '', 'Imported.', ?, 'PUBLISHED', ?, 'PUBLIC', ?, ?)")
        .params(
            id,
            "imported-" + word,
            "Imported " + word,
            owner,
            Timestamp.from(now),
            Timestamp.from(now),
            Timestamp.from(now))
        .update();
    assertThat(find(word, visitor()).items()).isEmpty();

    search.reindex().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(ids(word, visitor())).containsExactly(id);
  }

  List<UUID> ids(String query, Reader reader) {
    return find(query, reader).items().stream().map(h -> h.item().id()).toList();
  }
}
