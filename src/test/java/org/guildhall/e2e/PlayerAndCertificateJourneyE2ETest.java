package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.guildhall.content.ContentApi;
import org.guildhall.content.LearnerProgress;
import org.guildhall.identity.IdentityApi;
import org.guildhall.learning.Courses;
import org.guildhall.learning.Courses.Course;
import org.guildhall.learning.LearningApi;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The learning module's browser side, under the strict CSP: {@code /js/player.js} resumes a
 * lesson's audio at its saved position, reports positions while it plays and marks the lesson
 * complete when it ends (swapping the "completed" fragment in); "My learning" shows the course; the
 * certificate's public page verifies it and its printable form fits one A4 landscape page.
 *
 * <p>Until the lesson page exists, the audio element is added to "My learning" the way the lesson
 * page will render it (a short silent WAV as a blob URL). Runs with {@code ./mvnw verify -Pe2e}.
 */
@WebIntegrationTest
class PlayerAndCertificateJourneyE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired ContentApi content;
  @Autowired IdentityApi identity;
  @Autowired LearningApi learning;
  @Autowired LearnerProgress progress;

  @BeforeAll
  static void launchBrowser() {
    browser = E2eBrowser.launch();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @AfterEach
  void closeContexts() {
    browser.endTest();
  }

  static final String ADD_PLAYER =
      """
      ([progressUrl, completeUrl]) => new Promise((resolve, reject) => {
        const rate = 8000, seconds = 12, n = rate * seconds;
        const buffer = new ArrayBuffer(44 + n * 2), v = new DataView(buffer);
        const text = (o, s) => { for (let i = 0; i < s.length; i++) v.setUint8(o + i, s.charCodeAt(i)); };
        text(0, 'RIFF'); v.setUint32(4, 36 + n * 2, true); text(8, 'WAVE'); text(12, 'fmt ');
        v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
        v.setUint32(24, rate, true); v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true);
        v.setUint16(34, 16, true); text(36, 'data'); v.setUint32(40, n * 2, true);
        const holder = document.createElement('div');
        holder.setAttribute('data-lesson-complete', '');
        holder.setAttribute('data-testid', 'placeholder');
        const audio = document.createElement('audio');
        audio.id = 'lesson-audio';
        audio.muted = true;
        audio.controls = true;
        audio.setAttribute('data-progress', progressUrl);
        audio.setAttribute('data-resume', '4');
        audio.setAttribute('data-complete', completeUrl);
        audio.src = URL.createObjectURL(new Blob([buffer], { type: 'audio/wav' }));
        document.querySelector('main').prepend(holder, audio);
        const script = document.createElement('script');
        script.src = '/js/player.js';
        script.onload = () => resolve(true);
        script.onerror = () => reject('player.js did not load');
        document.head.appendChild(script);
      })
      """;

  @Test
  void thePlayerResumesReportsAndCompletesAndTheCertificateVerifiesAndPrints() throws Exception {
    UUID owner = Courses.owner(identity);
    Course course = Courses.open(content, owner, 2);
    People.Person person = People.provision(identity, "pl");
    learning.savePosition(person.id(), course.lesson(0), 4);

    Page page = browser.newPage("http://localhost:" + port, 1280, 900, "en-US", false);
    page.navigate("/login");
    page.fill("input[name=email]", person.email());
    page.fill("input[name=password]", People.PASSWORD);
    page.click("[data-testid=sign-in]");
    page.waitForURL(url -> !url.contains("/login"));

    page.navigate("/learning");
    assertThat(page.getByTestId("learning-course")).hasCount(1);
    E2eBrowser.screenshot(page, "learning-in-progress");
    page.evaluate(
        ADD_PLAYER,
        java.util.List.of(
            "/learning/lessons/" + course.lesson(0) + "/position",
            "/learning/lessons/" + course.lesson(0) + "/complete"));
    page.waitForFunction("() => document.getElementById('lesson-audio').readyState >= 1");
    Number resumed =
        (Number) page.evaluate("() => document.getElementById('lesson-audio').currentTime");
    Assertions.assertThat(resumed.doubleValue())
        .as("resumed at the saved position")
        .isGreaterThanOrEqualTo(4);

    // play a little, pause: the position is saved
    page.evaluate("() => document.getElementById('lesson-audio').play()");
    page.waitForFunction("() => document.getElementById('lesson-audio').currentTime >= 6");
    page.evaluate("() => document.getElementById('lesson-audio').pause()");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                progress.of(person.id(), course.id()).positions().getOrDefault(course.lesson(0), 0)
                    >= 6);

    // play to the end: the lesson is marked complete and the fragment swapped in
    page.evaluate(
        "() => { const a = document.getElementById('lesson-audio'); a.playbackRate = 2; return a.play(); }");
    assertThat(page.getByTestId("lesson-completed")).isVisible();
    assertThat(page.getByTestId("course-percent")).containsText("50");
    Assertions.assertThat(progress.of(person.id(), course.id()).completed())
        .containsExactly(course.lesson(0));

    // complete the course: the certificate's public page verifies it
    String code = learning.complete(person.id(), course.lesson(1)).certificateCode();
    page.navigate("/learning");
    E2eBrowser.screenshot(page, "learning-completed");
    page.getByTestId("learning-certificate").click();
    assertThat(page.getByTestId("certificate-verified")).isVisible();
    assertThat(page.getByTestId("certificate-code")).hasText(code);
    assertThat(page.getByTestId("certificate-course")).hasText(course.title());
    E2eBrowser.screenshot(page, "learning-certificate");

    Page visitor = browser.newPage("http://localhost:" + port, 1280, 900, "en-US", false);
    visitor.navigate("/certificates/" + code);
    assertThat(visitor.getByTestId("certificate-name")).containsText("Test pl");
    visitor.getByTestId("certificate-print").click();
    assertThat(visitor.getByTestId("certificate-sheet")).isVisible();
    assertThat(visitor.getByTestId("print")).isVisible();
    E2eBrowser.screenshot(visitor, "learning-certificate-print");
    visitor.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    visitor.setViewportSize(1123, 794); // A4 landscape at 96 dpi
    E2eBrowser.screenshot(visitor, "learning-certificate-print-media");
    byte[] pdf =
        visitor.pdf(new Page.PdfOptions().setPreferCSSPageSize(true).setPrintBackground(true));
    Files.write(E2eBrowser.SCREENSHOTS.resolve("learning-certificate.pdf"), pdf);
    String raw = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher pages = Pattern.compile("/Type\\s*/Page[^s]").matcher(raw);
    int count = 0;
    while (pages.find()) {
      count++;
    }
    Assertions.assertThat(count).as("pages in the printed certificate").isEqualTo(1);
    Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)").matcher(raw);
    Assertions.assertThat(box.find()).isTrue();
    Assertions.assertThat(Double.parseDouble(box.group(1)))
        .as("landscape: wider than high")
        .isGreaterThan(Double.parseDouble(box.group(2)));

    browser.expectedConsoleErrors.add(Pattern.compile(".*status of 404.*GH-000000000000.*"));
    visitor.navigate("/certificates/GH-000000000000");
    assertThat(visitor.getByTestId("certificate-invalid")).isVisible();
    browser.assertClean();
  }
}
