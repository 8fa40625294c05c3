package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guildhall.platform.text.MarkdownSafetyTests;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The XSS corpus (src/test/resources/xss/payloads.txt) through every authored field of the studio:
 * the live preview and the saved HTML of items and lessons hold no active content, and titles,
 * excerpts, tags, notes, section and lesson titles are stored as text and come back escaped.
 */
@WebIntegrationTest
class StudioXssIntegrationTests {

  /** A script tag that is not one of the page's own (htmx, app.js, studio.js). */
  static final Pattern FOREIGN_SCRIPT =
      Pattern.compile(
          "<script(?!\\s+src=\"/(webjars/htmx\\.org/dist/htmx\\.min|js/app|js/studio)\\.js\")",
          Pattern.CASE_INSENSITIVE);

  static final Pattern EVENT_ATTRIBUTE =
      Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  static List<String> payloads;

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  StudioFixtures fixtures;
  Person expert;
  Browser author;

  @BeforeAll
  static void corpus() throws IOException {
    payloads = MarkdownSafetyTests.payloads();
    assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
  }

  @BeforeEach
  void author() {
    fixtures = new StudioFixtures(context, port);
    expert = fixtures.expert();
    author = fixtures.browser(expert);
  }

  /**
   * Stored HTML: no script, no event handler attribute, no javascript: URL, and the corpus check.
   */
  static void assertInert(String html, String payload) {
    MarkdownSafetyTests.assertSafe(html, payload);
    assertThat(html.toLowerCase(Locale.ROOT)).as("from %s", payload).doesNotContain("<script");
    assertThat(EVENT_ATTRIBUTE.matcher(html).find())
        .as("on…= from %s in %s", payload, html)
        .isFalse();
    assertThat(html.toLowerCase(Locale.ROOT).replaceAll("\\s", ""))
        .as("from %s", payload)
        .doesNotContain("href=\"javascript:")
        .doesNotContain("src=\"javascript:");
  }

  /** A studio page: the typed text is escaped, and the only scripts are the page's own. */
  static void assertEscaped(Page page, String typed) {
    assertThat(page.status()).isEqualTo(200);
    assertThat(FOREIGN_SCRIPT.matcher(page.body()).find()).as("script from %s", typed).isFalse();
    if (typed.contains("<")) {
      assertThat(page.body()).as("raw %s", typed).doesNotContain(typed);
    }
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  @Test
  void theLivePreviewSanitisesEveryPayload() {
    author.get("/studio/items/new?kind=article");
    for (String payload : payloads) {
      for (String markdown :
          List.of(payload, "Intro " + payload + "\n\n<!--more-->\n\n* " + payload)) {
        Page preview =
            author.post(
                "/studio/preview", Map.of("bodyMd", markdown), Map.of("HX-Request", "true"));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).doesNotContain("<html");
        assertInert(preview.body(), markdown);
      }
    }
  }

  @Test
  void savedItemAndLessonTextHoldsNoActiveContent() {
    UUID item = fixtures.create(author, "course", StudioFixtures.form("Corpus", "Start."));
    author.get("/studio/items/" + item);
    author.post("/studio/items/" + item + "/sections", Map.of("title", "Part"));
    UUID section =
        fixtures
            .jdbc()
            .sql("SELECT id FROM content_section WHERE course_id = ?")
            .param(item)
            .query(UUID.class)
            .single();
    author.get("/studio/items/" + item);
    UUID lesson =
        StudioFixtures.lessonIn(
            author.post(
                "/studio/items/" + item + "/sections/" + section + "/lessons",
                Map.of("title", "Lesson")));
    author.get("/studio/items/" + item);

    for (String payload : payloads) {
      String body = "Free part " + payload + "\n\n<!--more-->\n\n> " + payload + "\n\n" + payload;
      Map<String, String> form = StudioFixtures.form("Corpus", body);
      form.put("version", Long.toString(fixtures.version(item)));
      Page saved = author.post("/studio/items/" + item, form);
      assertThat(saved.status()).as(payload).isEqualTo(302);
      Map<String, Object> row =
          fixtures
              .jdbc()
              .sql("SELECT body_html, preview_html, excerpt FROM content_item WHERE id = ?")
              .param(item)
              .query()
              .singleRow();
      assertInert((String) row.get("body_html"), payload);
      assertInert((String) row.get("preview_html"), payload);
      assertThat((String) row.get("excerpt")).doesNotContain("<script");

      Map<String, String> lessonForm =
          StudioCourseBuilderIntegrationTests.lessonForm("Lesson", body);
      lessonForm.put(
          "version",
          Long.toString(fixtures.count("SELECT version FROM content_lesson WHERE id = ?", lesson)));
      assertThat(author.post("/studio/lessons/" + lesson, lessonForm).status())
          .as(payload)
          .isEqualTo(302);
      assertInert(
          fixtures
              .jdbc()
              .sql("SELECT body_html FROM content_lesson WHERE id = ?")
              .param(lesson)
              .query(String.class)
              .single(),
          payload);
    }
    // the editor shows the Markdown as text, and its preview sanitised
    assertEscaped(author.get("/studio/items/" + item), payloads.get(payloads.size() - 1));
    assertEscaped(author.get("/studio/lessons/" + lesson), payloads.get(payloads.size() - 1));
  }

  @Test
  void authoredTextFieldsAreStoredAsTextAndComeBackEscaped() {
    UUID course = fixtures.create(author, "course", StudioFixtures.form("Escaping", ""));
    String base = "/studio/items/" + course;
    int n = 0;
    for (String payload : payloads) {
      String title = cut(payload, 200);
      String tag = cut(payload.replaceAll("[,，、]", " ").strip(), 40);
      Map<String, String> form = StudioFixtures.form(title, "Text.");
      form.put("excerpt", cut(payload, 600));
      form.put("tags", tag.isBlank() ? "" : tag);
      form.put("note", cut(payload, 200));
      UUID id = fixtures.create(author, "article", form);
      assertThat(
              fixtures
                  .jdbc()
                  .sql("SELECT title FROM content_item WHERE id = ?")
                  .param(id)
                  .query(String.class)
                  .single())
          .isEqualTo(title.strip());
      Page editor = author.get("/studio/items/" + id);
      assertEscaped(editor, title);
      assertEscaped(editor, cut(payload, 600));
      assertEscaped(editor, tag);
      Page revisions = author.get("/studio/items/" + id + "/revisions");
      assertEscaped(revisions, title);
      assertEscaped(revisions, cut(payload, 200));

      // sections and lessons of one course
      author.get(base + "/outline");
      author.post(base + "/sections", Map.of("title", title));
      UUID section =
          fixtures
              .jdbc()
              .sql("SELECT id FROM content_section WHERE course_id = ? AND position = ?")
              .params(course, n++)
              .query(UUID.class)
              .single();
      author.get(base + "/outline");
      UUID lesson =
          StudioFixtures.lessonIn(
              author.post(base + "/sections/" + section + "/lessons", Map.of("title", title)));
      assertEscaped(author.get("/studio/lessons/" + lesson), title);
    }
    Page list = author.get("/studio");
    assertEscaped(list, cut(payloads.get(0), 200));
    Page outline = author.get(base + "/outline");
    for (String payload : payloads) {
      assertEscaped(outline, cut(payload, 200));
    }
    assertEscaped(author.get(base), cut(payloads.get(0), 200));
  }

  @Test
  void theOwnersNoteComesBackEscaped() {
    Person owner = fixtures.owner();
    Browser reviewer = fixtures.browser(owner);
    for (String payload : payloads.subList(0, 20)) {
      UUID id = fixtures.create(author, "article", StudioFixtures.form("Note", "Text."));
      Map<String, String> submit = new HashMap<>(StudioFixtures.form("Note", "Text."));
      submit.put("action", "submit");
      fixtures.save(author, id, submit);
      reviewer.get("/studio/review");
      reviewer.post("/studio/items/" + id + "/reject", Map.of("note", cut(payload, 1000)));
      Page page = author.get("/studio/items/" + id);
      assertThat(page.body()).contains("data-testid=\"review-note\"");
      assertEscaped(page, cut(payload, 1000).strip());
    }
  }
}
