package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The course builder: sections and lessons are added, renamed, moved and deleted on the course's
 * outline with positions kept dense; a lesson's editor sets its kind, text, free preview and drip.
 */
@WebIntegrationTest
class StudioCourseBuilderIntegrationTests {

  static final Map<String, String> HTMX = Map.of("HX-Request", "true");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired ContentApi content;

  StudioFixtures fixtures;
  Person expert;
  Browser author;
  UUID course;

  @BeforeEach
  void course() {
    fixtures = new StudioFixtures(context, port);
    expert = fixtures.expert();
    author = fixtures.browser(expert);
    course =
        fixtures.create(
            author, "course", StudioFixtures.form("Course " + UUID.randomUUID(), "About."));
  }

  List<String> sections() {
    return fixtures
        .jdbc()
        .sql("SELECT title FROM content_section WHERE course_id = ? ORDER BY position")
        .param(course)
        .query(String.class)
        .list();
  }

  List<Integer> sectionPositions() {
    return fixtures
        .jdbc()
        .sql("SELECT position FROM content_section WHERE course_id = ? ORDER BY position")
        .param(course)
        .query(Integer.class)
        .list();
  }

  UUID section(String title) {
    return fixtures
        .jdbc()
        .sql("SELECT id FROM content_section WHERE course_id = ? AND title = ?")
        .params(course, title)
        .query(UUID.class)
        .single();
  }

  List<String> lessons(String sectionTitle) {
    return fixtures
        .jdbc()
        .sql(
            "SELECT l.title FROM content_lesson l JOIN content_section s ON s.id = l.section_id"
                + " WHERE s.course_id = ? AND s.title = ? ORDER BY l.position")
        .params(course, sectionTitle)
        .query(String.class)
        .list();
  }

  void assertDense() {
    assertThat(sectionPositions()).isEqualTo(range(sections().size()));
    for (String s : sections()) {
      List<Integer> positions =
          fixtures
              .jdbc()
              .sql("SELECT position FROM content_lesson WHERE section_id = ? ORDER BY position")
              .param(section(s))
              .query(Integer.class)
              .list();
      assertThat(positions).as("lessons of %s", s).isEqualTo(range(positions.size()));
    }
  }

  static List<Integer> range(int n) {
    return java.util.stream.IntStream.range(0, n).boxed().toList();
  }

  Page post(String path, Map<String, String> fields) {
    author.get("/studio/items/" + course + "/outline");
    return author.post(path, fields);
  }

  UUID addLesson(String sectionTitle, String title) {
    Page created =
        post(
            "/studio/items/" + course + "/sections/" + section(sectionTitle) + "/lessons",
            Map.of("title", title));
    assertThat(created.status()).isEqualTo(302);
    return StudioFixtures.lessonIn(created);
  }

  @Test
  void sectionsAreAddedRenamedMovedAndDeletedWithDensePositions() {
    String base = "/studio/items/" + course;
    for (String title : List.of("Alpha", "Beta", "Gamma")) {
      Page added = post(base + "/sections", Map.of("title", title));
      assertThat(added.status()).isEqualTo(302);
      assertThat(added.location()).endsWith(base + "/outline");
    }
    assertThat(sections()).containsExactly("Alpha", "Beta", "Gamma");
    assertThat(post(base + "/sections", Map.of("title", " ")).status()).isEqualTo(302);
    assertThat(sections()).hasSize(3);

    post(base + "/sections/" + section("Beta") + "/rename", Map.of("title", "Beta, renamed"));
    post(base + "/sections/" + section("Gamma") + "/move", Map.of("direction", "up"));
    assertThat(sections()).containsExactly("Alpha", "Gamma", "Beta, renamed");
    // already at the top: nothing moves
    post(base + "/sections/" + section("Alpha") + "/move", Map.of("direction", "up"));
    assertThat(sections()).containsExactly("Alpha", "Gamma", "Beta, renamed");
    assertDense();

    UUID first = addLesson("Alpha", "Lesson one");
    addLesson("Alpha", "Lesson two");
    addLesson("Gamma", "Lesson three");
    assertThat(lessons("Alpha")).containsExactly("Lesson one", "Lesson two");

    // a section with lessons is kept, and says why
    post(base + "/sections/" + section("Alpha") + "/delete", Map.of());
    assertThat(sections()).contains("Alpha");
    assertThat(author.get(base + "/outline").body())
        .contains("Move or delete the section’s lessons first.");

    Page fragment =
        author.post(base + "/sections/" + section("Beta, renamed") + "/delete", Map.of(), HTMX);
    assertThat(fragment.status()).isEqualTo(200);
    assertThat(fragment.body().strip())
        .startsWith("<section")
        .contains("id=\"outline\"")
        .doesNotContain("<html")
        .doesNotContain("Beta, renamed");
    assertThat(sections()).containsExactly("Alpha", "Gamma");

    // a refusal under htmx is shown inside the outline (htmx swaps only 2xx answers)
    Page refused = author.post(base + "/sections/" + section("Alpha") + "/delete", Map.of(), HTMX);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("data-testid=\"outline-error\"");
    assertDense();

    assertThat(content.course(course).orElseThrow().lessonIds()).hasSize(3).startsWith(first);
  }

  @Test
  void lessonsMoveWithinAndAcrossSectionsAndCloseUpWhenDeleted() {
    String base = "/studio/items/" + course;
    post(base + "/sections", Map.of("title", "One"));
    post(base + "/sections", Map.of("title", "Two"));
    UUID a = addLesson("One", "A");
    UUID b = addLesson("One", "B");
    UUID c = addLesson("Two", "C");

    post(base + "/lessons/" + a + "/move", Map.of("direction", "down"));
    assertThat(lessons("One")).containsExactly("B", "A");
    // at the bottom of its section: to the start of the next one
    post(base + "/lessons/" + a + "/move", Map.of("direction", "down"));
    assertThat(lessons("One")).containsExactly("B");
    assertThat(lessons("Two")).containsExactly("A", "C");
    // at the top: to the end of the section above
    author.post(base + "/lessons/" + c + "/move", Map.of("direction", "up"), HTMX);
    assertThat(lessons("Two")).containsExactly("C", "A");
    post(base + "/lessons/" + c + "/move", Map.of("direction", "up"));
    assertThat(lessons("One")).containsExactly("B", "C");
    assertThat(lessons("Two")).containsExactly("A");
    assertDense();
    assertThat(content.course(course).orElseThrow().lessonIds()).containsExactly(b, c, a);

    Page deleted = post(base + "/lessons/" + b + "/delete", Map.of());
    assertThat(deleted.status()).isEqualTo(302);
    assertThat(lessons("One")).containsExactly("C");
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", b))
        .isZero();
    assertDense();
  }

  @Test
  void aLessonsEditorSetsItsKindTextFreePreviewAndDrip() {
    post("/studio/items/" + course + "/sections", Map.of("title", "Week 1"));
    UUID lesson = addLesson("Week 1", "Welcome");
    Page editor = author.get("/studio/lessons/" + lesson);
    assertThat(editor.status()).isEqualTo(200);
    assertThat(editor.body()).contains("value=\"Welcome\"").contains("data-testid=\"lesson-form\"");

    Map<String, String> bad = lessonForm("Welcome", "Hello.");
    bad.put("dripDays", "-3");
    bad.put("kind", "VIDEO");
    bad.put("duration", "1:99");
    bad.put("version", version(lesson));
    Page refused = author.post("/studio/lessons/" + lesson, bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-dripDays\"")
        .contains("data-testid=\"error-mediaId\"")
        .contains("data-testid=\"error-duration\"");
    assertThat(fixtures.count("SELECT drip_days FROM content_lesson WHERE id = ?", lesson))
        .isZero();

    author.get("/studio/lessons/" + lesson);
    Map<String, String> good = lessonForm("Welcome to week one", "# Hello\n\nRead this first.");
    good.put("preview", "true");
    good.put("dripDays", "7");
    good.put("duration", "12:30");
    good.put("version", version(lesson));
    Page saved = author.post("/studio/lessons/" + lesson, good);
    assertThat(saved.status()).isEqualTo(302);
    Map<String, Object> row =
        fixtures
            .jdbc()
            .sql(
                "SELECT title, body_html, preview, drip_days, duration_seconds FROM"
                    + " content_lesson WHERE id = ?")
            .param(lesson)
            .query()
            .singleRow();
    assertThat(row.get("title")).isEqualTo("Welcome to week one");
    assertThat(row.get("body_html").toString()).contains("<h1>Hello</h1>");
    assertThat(row.get("preview")).isEqualTo(true);
    assertThat(((Number) row.get("drip_days")).intValue()).isEqualTo(7);
    assertThat(((Number) row.get("duration_seconds")).intValue()).isEqualTo(750);
    assertThat(author.get("/studio/items/" + course).body())
        .contains("data-testid=\"drip\"")
        .contains("Day 7")
        .contains("Free preview");

    // a stale lesson form is refused and keeps the text
    Map<String, String> stale = lessonForm("Old tab", "Typed in an old tab.");
    stale.put("version", "0");
    author.get("/studio/lessons/" + lesson);
    Page conflict = author.post("/studio/lessons/" + lesson, stale);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body()).contains("Typed in an old tab.").contains("data-testid=\"stale\"");

    // someone else's lesson
    Browser other = fixtures.browser(fixtures.expert());
    assertThat(other.get("/studio/lessons/" + lesson).status()).isEqualTo(403);
    other.get("/studio");
    assertThat(other.post("/studio/lessons/" + lesson, good).status()).isEqualTo(403);
    assertThat(
            other
                .post("/studio/items/" + course + "/lessons/" + lesson + "/delete", Map.of())
                .status())
        .isEqualTo(403);
  }

  String version(UUID lesson) {
    return Long.toString(fixtures.count("SELECT version FROM content_lesson WHERE id = ?", lesson));
  }

  static Map<String, String> lessonForm(String title, String body) {
    Map<String, String> form = new HashMap<>();
    form.put("title", title);
    form.put("kind", "TEXT");
    form.put("bodyMd", body);
    form.put("mediaId", "");
    form.put("duration", "");
    form.put("dripDays", "0");
    form.put("note", "");
    return form;
  }
}
