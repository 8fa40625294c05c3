package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentFixtures;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.LessonDraft;
import org.guildhall.content.LessonKind;
import org.guildhall.content.MediaApi;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * The XSS corpus (145 payloads in the style of OWASP's filter-evasion cheat sheet) through every
 * authored field — item titles, excerpts, tags and bodies, section and lesson titles and lesson
 * bodies — and every uploaded file's name (a lesson's files, the studio's media library), rendered
 * by Chromium on the catalog, article, course and lesson pages: no payload may run. Each payload
 * calls {@code alert}, loads a script or sets an event handler; a dialog, a console error (a CSP
 * violation is one) or an uncaught error fails the test.
 */
@WebIntegrationTest
class ContentXssE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired MediaApi media;

  @BeforeAll
  static void launch() {
    browser = E2eBrowser.launch();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void tearDown() {
    browser.endTest();
  }

  @Test
  void noAuthoredPayloadRunsInTheBrowser() throws IOException {
    try {
      run();
    } catch (org.guildhall.platform.DomainException refused) {
      throw new AssertionError("refused " + refused.code() + " " + refused.fieldErrors(), refused);
    }
  }

  private void run() throws IOException {
    List<String> payloads = payloads();
    ContentFixtures fixtures = new ContentFixtures(content, identity);
    String tag = "xss" + UUID.randomUUID().toString().substring(0, 6);

    // every payload as an article's title, excerpt and tag; all of them in one body
    StringBuilder body = new StringBuilder("# Payloads\n\n");
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i++) {
      String p = payloads.get(i);
      body.append(p).append("\n\n- ").append(p).append("\n\n> ").append(p).append("\n\n");
      body.append("| a | b |\n|---|---|\n| ").append(p.replace("|", "\\|")).append(" | x |\n\n");
      body.append("[")
          .append(p.replace("]", ""))
          .append("](")
          .append(p.replace(")", ""))
          .append(")\n\n");
      UUID id =
          content.create(
              ContentKind.ARTICLE,
              new ItemDraft(
                  cut(p, 200),
                  null,
                  "en",
                  cut(p, 600),
                  i == 0 ? body.toString() : p,
                  null,
                  List.of(tag, cut(p, 40)),
                  null,
                  null,
                  null,
                  null,
                  ContentAccess.PUBLIC,
                  0,
                  null),
              fixtures.expert.id());
      content.approve(id, null, fixtures.owner.id());
      slugs.add(content.cards(List.of(id), content.reader(fixtures.owner.id())).get(0).slug());
    }
    UUID all =
        content.create(
            ContentKind.ARTICLE,
            new ItemDraft(
                "All payloads " + tag,
                null,
                "en",
                "",
                body.toString(),
                null,
                List.of(tag),
                null,
                null,
                null,
                null,
                ContentAccess.PUBLIC,
                0,
                null),
            fixtures.expert.id());
    content.approve(all, null, fixtures.owner.id());

    // every payload as a section and a lesson title and a lesson body
    UUID course =
        content.create(
            ContentKind.COURSE,
            ItemDraft.of("XSS course " + tag, "en", payloads.get(0)),
            fixtures.expert.id());
    content.approve(course, null, fixtures.owner.id());
    List<UUID> lessons = new ArrayList<>();
    for (int i = 0; i < payloads.size(); i += 15) {
      UUID section = content.addSection(course, cut(payloads.get(i), 200), fixtures.expert.id());
      for (int j = i; j < Math.min(i + 15, payloads.size()); j++) {
        lessons.add(
            content.addLesson(
                course,
                section,
                new LessonDraft(
                    cut(payloads.get(j), 200),
                    LessonKind.TEXT,
                    payloads.get(j),
                    null,
                    null,
                    true,
                    0,
                    List.of()),
                fixtures.expert.id()));
      }
    }
    String courseSlug = content.course(course).orElseThrow().slug();

    // every payload as an uploaded file's name, listed under a lesson and in the media library
    List<UUID> files = new ArrayList<>();
    byte[] pdf = "%PDF-1.4\n%payload test\n".getBytes(StandardCharsets.US_ASCII);
    for (String p : payloads) {
      files.add(
          media
              .upload(
                  fixtures.expert.id(),
                  cut(p, 200) + ".pdf",
                  "application/pdf",
                  pdf.length,
                  new java.io.ByteArrayInputStream(pdf))
              .id());
    }
    UUID filesSection = content.addSection(course, "Files", fixtures.expert.id());
    List<UUID> fileLessons = new ArrayList<>();
    for (int i = 0; i < files.size(); i += 20) { // a lesson holds up to 20 files
      fileLessons.add(
          content.addLesson(
              course,
              filesSection,
              new LessonDraft(
                  "Files " + i,
                  LessonKind.TEXT,
                  "Files",
                  null,
                  null,
                  true,
                  0,
                  files.subList(i, Math.min(i + 20, files.size()))),
              fixtures.expert.id()));
    }

    Page page = browser.newPage("http://localhost:" + port, 1280, 900, "en-US", false);
    // the catalog, page by page, shows every title, excerpt and tag
    String next = "/courses?tag=" + tag;
    int pages = 0;
    while (next != null && pages++ < 20) {
      page.navigate("http://localhost:" + port + next);
      assertThat(page.getByTestId("catalog")).isVisible();
      hoverEverything(page);
      var more = page.getByTestId("load-more");
      next = more.count() == 0 ? null : more.getAttribute("href");
    }
    page.navigate("http://localhost:" + port + "/articles/" + contentSlug(all, fixtures));
    assertThat(page.getByTestId("body")).isVisible();
    hoverEverything(page);
    viewport(page, "xss-article");
    for (String slug : slugs.subList(0, 12)) {
      page.navigate("http://localhost:" + port + "/articles/" + slug);
      hoverEverything(page);
    }
    page.navigate("http://localhost:" + port + "/courses/" + courseSlug);
    assertThat(page.getByTestId("outline")).isVisible();
    hoverEverything(page);
    viewport(page, "xss-course");
    int listed = 0;
    for (UUID lesson : fileLessons) {
      page.navigate("http://localhost:" + port + "/courses/" + courseSlug + "/lessons/" + lesson);
      listed += page.locator(".attachments li").count();
      hoverEverything(page);
    }
    Assertions.assertThat(listed).isEqualTo(payloads.size());
    Page studio = browser.newPage("http://localhost:" + port, 1280, 900, "en-US", false);
    studio.navigate("http://localhost:" + port + "/login");
    studio.locator("#f-email").fill(fixtures.expert.email());
    studio.locator("#f-password").fill(People.PASSWORD);
    studio.getByTestId("sign-in").click();
    studio.waitForURL(u -> !u.contains("/login"));
    studio.navigate("http://localhost:" + port + "/studio/media");
    hoverEverything(studio);
    for (UUID lesson : lessons.subList(0, 10)) {
      page.navigate("http://localhost:" + port + "/courses/" + courseSlug + "/lessons/" + lesson);
      hoverEverything(page);
    }
    browser.assertClean();
  }

  /** Moves the pointer over every link and image, so that mouse-event payloads would fire. */
  private static void hoverEverything(Page page) {
    page.evaluate(
        "() => document.querySelectorAll('main a, main img, main span, main p').forEach(e =>"
            + " ['mouseover','mouseenter','focus','click'].forEach(t => t !== 'click' &&"
            + " e.dispatchEvent(new Event(t, {bubbles: true}))))");
  }

  /** The visible part only: these pages are very long. */
  private static void viewport(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions().setPath(E2eBrowser.SCREENSHOTS.resolve(name + ".png")));
  }

  private String contentSlug(UUID id, ContentFixtures fixtures) {
    return content.cards(List.of(id), content.reader(fixtures.owner.id())).get(0).slug();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static List<String> payloads() throws IOException {
    String text =
        new ClassPathResource("xss/payloads.txt").getContentAsString(StandardCharsets.UTF_8);
    return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
  }
}
