package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Revision history: every change of the title or text is a revision; a revision's diff against the
 * current text shows the change escaped; restoring brings the text back as a new revision with its
 * HTML rendered again.
 */
@WebIntegrationTest
class StudioRevisionsIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  StudioFixtures fixtures;
  Person expert;
  Browser author;

  @BeforeEach
  void author() {
    fixtures = new StudioFixtures(context, port);
    expert = fixtures.expert();
    author = fixtures.browser(expert);
  }

  UUID revision(UUID target, int number) {
    return fixtures
        .jdbc()
        .sql("SELECT id FROM content_revision WHERE target_id = ? AND number = ?")
        .params(target, number)
        .query(UUID.class)
        .single();
  }

  String column(String table, String column, UUID id) {
    return fixtures
        .jdbc()
        .sql("SELECT " + column + " FROM " + table + " WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void aChangeIsARevisionItsDiffIsEscapedAndRestoreBringsTheTextBack() {
    String first = "# Plan\n\nKeep this line.\nOld idea <script>alert(1)</script>\nThe end.";
    UUID id = fixtures.create(author, "article", StudioFixtures.form("Plan", first));
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", id))
        .isOne();

    // saving the same text again is no new revision
    author.get(fixtures.save(author, id, StudioFixtures.form("Plan", first)).location());
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", id))
        .isOne();

    Map<String, String> second =
        StudioFixtures.form(
            "Plan, revised", "# Plan\n\nKeep this line.\nNew idea & more\nThe end.");
    second.put("note", "Sharper idea");
    Page saved = fixtures.save(author, id, second);
    assertThat(saved.status()).isEqualTo(302);
    author.get(saved.location());
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", id))
        .isEqualTo(2);

    Page list = author.get("/studio/items/" + id + "/revisions");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body())
        .contains("data-number=\"2\"")
        .contains("data-number=\"1\"")
        .contains("Sharper idea")
        .contains("Test ex");

    Page diff = author.get("/studio/revisions/" + revision(id, 1));
    assertThat(diff.status()).isEqualTo(200);
    assertThat(diff.body())
        .contains("data-testid=\"title-diff\"")
        .contains("class=\"diff-del\"")
        .contains("class=\"diff-add\"")
        .contains("Old idea &lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("New idea &amp; more")
        .contains("Keep this line.")
        .doesNotContain("<script>alert(1)</script>");
    Matcher removed =
        Pattern.compile(
                "class=\"diff-del\"[^>]*>.*?<td class=\"diff-text\">([^<]*)</td>", Pattern.DOTALL)
            .matcher(diff.body());
    assertThat(removed.find()).isTrue();

    Page restored = author.post("/studio/revisions/" + revision(id, 1) + "/restore", Map.of());
    assertThat(restored.status()).isEqualTo(302);
    assertThat(restored.location()).endsWith("/studio/items/" + id);
    assertThat(column("content_item", "body_md", id)).isEqualTo(first);
    assertThat(column("content_item", "title", id)).isEqualTo("Plan");
    assertThat(column("content_item", "body_html", id))
        .contains("Old idea")
        .doesNotContain("New idea")
        .doesNotContain("<script");
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", id))
        .isEqualTo(3);
    assertThat(author.get("/studio/items/" + id).body()).contains("Revision 1 restored");
    assertThat(author.get("/studio/items/" + id + "/revisions").body()).contains("Restored from 1");

    // the newest revision is the current text: restoring it changes nothing
    author.get("/studio/revisions/" + revision(id, 1));
    author.post("/studio/revisions/" + revision(id, 1) + "/restore", Map.of());
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", id))
        .isEqualTo(3);
    assertThat(author.get("/studio/revisions/" + revision(id, 1)).body())
        .contains("data-testid=\"identical\"");

    // not for other experts
    Browser other = fixtures.browser(fixtures.expert());
    assertThat(other.get("/studio/revisions/" + revision(id, 2)).status()).isEqualTo(403);
    other.get("/studio");
    assertThat(other.post("/studio/revisions/" + revision(id, 2) + "/restore", Map.of()).status())
        .isEqualTo(403);
    assertThat(column("content_item", "body_md", id)).isEqualTo(first);
  }

  @Test
  void lessonsHaveTheirOwnRevisions() {
    UUID course = fixtures.create(author, "course", StudioFixtures.form("Course with lessons", ""));
    author.get("/studio/items/" + course);
    author.post("/studio/items/" + course + "/sections", Map.of("title", "Part"));
    UUID section =
        fixtures
            .jdbc()
            .sql("SELECT id FROM content_section WHERE course_id = ?")
            .param(course)
            .query(UUID.class)
            .single();
    author.get("/studio/items/" + course);
    UUID lesson =
        StudioFixtures.lessonIn(
            author.post(
                "/studio/items/" + course + "/sections/" + section + "/lessons",
                Map.of("title", "Intro")));

    for (String body : new String[] {"Line one.", "Line one.\nLine two."}) {
      author.get("/studio/lessons/" + lesson);
      Map<String, String> form = StudioCourseBuilderIntegrationTests.lessonForm("Intro", body);
      form.put(
          "version",
          Long.toString(fixtures.count("SELECT version FROM content_lesson WHERE id = ?", lesson)));
      assertThat(author.post("/studio/lessons/" + lesson, form).status()).isEqualTo(302);
    }
    assertThat(fixtures.count("SELECT COUNT(*) FROM content_revision WHERE target_id = ?", lesson))
        .isEqualTo(3);
    assertThat(author.get("/studio/lessons/" + lesson + "/revisions").body())
        .contains("data-number=\"3\"");
    // the course's own revisions are apart
    assertThat(author.get("/studio/items/" + course + "/revisions").body())
        .doesNotContain("data-number=\"3\"");

    Page diff = author.get("/studio/revisions/" + revision(lesson, 2));
    assertThat(diff.body()).contains("class=\"diff-add\"").contains("Line two.");
    assertThat(
            author
                .post("/studio/revisions/" + revision(lesson, 2) + "/restore", Map.of())
                .location())
        .endsWith("/studio/lessons/" + lesson);
    assertThat(column("content_lesson", "body_md", lesson)).isEqualTo("Line one.");
    assertThat(column("content_lesson", "body_html", lesson)).isEqualTo("<p>Line one.</p>\n");
  }
}
