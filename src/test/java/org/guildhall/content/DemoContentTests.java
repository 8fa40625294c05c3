package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo community's content is there on first start, from the reference case study, with real
 * media that plays (through signed links, with seeking) and previews that are open.
 */
@WebIntegrationTest
class DemoContentTests {

  @LocalServerPort int port;
  @Autowired ContentApi content;

  @Test
  void theThreeCoursesTwoColumnsAndTheArticlesAreThere() {
    var visitor = content.reader(null);
    var courses =
        content.catalog(new CatalogFilter(ContentKind.COURSE, null, null, null), null, 48, visitor);
    assertThat(courses.items())
        .extracting(ItemCard::slug)
        .contains("lecture-community-growth", "project-build-a-paid-community", "career-first-job");
    var columns =
        content.catalog(new CatalogFilter(ContentKind.COLUMN, null, null, null), null, 48, visitor);
    assertThat(columns.items()).extracting(ItemCard::slug).contains("ops-notes", "growth-lab");
    var notes = content.page(ContentKind.COLUMN, "ops-notes", visitor, Locale.CHINA);
    assertThat(notes.articles()).extracting(ItemCard::title).contains("如何打造高粘性知识付费社群");
    var lecture =
        content.page(ContentKind.COURSE, "lecture-community-growth", visitor, Locale.CHINA);
    assertThat(lecture.outline().lessonCount()).isEqualTo(6);
    assertThat(lecture.locked()).isTrue();
    assertThat(lecture.card().price().minor()).isEqualTo(19900);
  }

  @Test
  void aVisitorPlaysTheFreePreviewAndCanSeekInIt() {
    Browser visitor = new Browser(port);
    String course = visitor.get("/courses/project-build-a-paid-community").body();
    String lessonPath =
        course.replaceAll(
            "(?s).*href=\"(/courses/project-build-a-paid-community/lessons/[0-9a-f-]{36})\".*",
            "$1");
    String lesson = visitor.get(lessonPath).body();
    assertThat(lesson).contains("<video").contains("data-testid=\"player\"");
    String src =
        lesson.replaceAll("(?s).*<video[^>]*src=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
    assertThat(src).startsWith("/media/s/").contains("sig=");
    var whole = visitor.get(src);
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Content-Type").orElse("")).startsWith("video/mp4");
    var part = visitor.get(src, Map.of("Range", "bytes=100-199"));
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range").orElse("")).startsWith("bytes 100-199/");
    // the same file without its signature is refused
    assertThat(visitor.get(src.replaceAll("\\?.*", "")).status()).isEqualTo(403);
  }

  @Test
  void thePremiumArticleIsLongAndLockedForAVisitor() {
    String page = new Browser(port).get("/articles/conversion-details").body();
    assertThat(page).contains("付费转化的十个细节").contains("data-testid=\"paywall\"");
    assertThat(page).contains("试看要给够").doesNotContain("价格要讲清楚");
  }
}
