package org.guildhall.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.assertj.core.api.Assertions;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The studio's media library in a real browser: the demo expert picks a file over the image limit
 * (refused by the page before anything is sent), uploads a picture (listed with its thumbnail and
 * Markdown), then a text file named like a video (refused by the server next to the field). Also on
 * a phone-sized screen without sideways scrolling. Runs with {@code ./mvnw verify -Pe2e}.
 */
@WebIntegrationTest
class StudioMediaJourneyE2ETest {

  private static E2eBrowser browser;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

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

  @Test
  void anExpertUploadsMediaAndSeesRefusalsNextToTheField() throws IOException {
    Page page = browser.newPage("http://localhost:" + port, 1280, 900, "en-US", false);
    page.navigate("/login");
    page.locator("#f-email").fill("expert@guildhall.demo");
    page.locator("#f-password").fill("guildhall-demo");
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
    page.navigate("/lang?to=en&return=/studio/media");
    page.waitForURL("**/studio/media");
    assertThat(page.locator("h1")).hasText("Media library");

    // 1. Over the image limit: the page refuses it before sending a byte.
    AtomicInteger posts = new AtomicInteger();
    page.onRequest(
        r -> {
          if ("POST".equals(r.method())) {
            posts.incrementAndGet();
          }
        });
    page.locator("#f-file")
        .setInputFiles(new FilePayload("huge.png", "image/png", new byte[10 * 1024 * 1024 + 1]));
    assertThat(page.getByTestId("error-file")).isVisible();
    assertThat(page.getByTestId("error-file"))
        .hasText("Images can be at most 10 MB; this one is larger.");
    page.getByTestId("upload").click();
    page.waitForTimeout(300);
    Assertions.assertThat(posts.get()).as("nothing was sent").isZero();

    // 2. A picture: uploaded and listed with its thumbnail and Markdown.
    String name = "cover-" + UUID.randomUUID().toString().substring(0, 8) + ".png";
    page.locator("#f-file").setInputFiles(new FilePayload(name, "image/png", png(1600, 900)));
    assertThat(page.getByTestId("error-file")).isHidden();
    page.getByTestId("upload").click();
    page.waitForURL("**/studio/media");
    assertThat(page.getByTestId("flash")).containsText(name);
    UUID id =
        jdbc.sql("SELECT id FROM content_media WHERE original_name = ?")
            .param(name)
            .query(UUID.class)
            .single();
    assertThat(page.getByTestId("media-" + id).locator("img"))
        .hasAttribute("src", "/media/i/" + id + "?w=320");
    Object loaded =
        page.getByTestId("media-" + id).locator("img").evaluate("img => img.naturalWidth");
    Assertions.assertThat(((Number) loaded).intValue()).isEqualTo(320);
    assertThat(page.getByTestId("media-" + id).getByTestId("markdown"))
        .hasValue("![" + name + "](/media/i/" + id + ")");
    E2eBrowser.screenshot(page, "studio-media");

    // 3. A text file named like a video: the server refuses it next to the field.
    browser.expectedConsoleErrors.add(
        Pattern.compile("^Failed to load resource: .*status of 415 .*"));
    Response refused =
        page.waitForResponse(
            r -> r.url().endsWith("/studio/media") && "POST".equals(r.request().method()),
            () -> {
              page.locator("#f-file")
                  .setInputFiles(
                      new FilePayload(
                          "lesson.mp4",
                          "video/mp4",
                          "just some text".repeat(100).getBytes(StandardCharsets.UTF_8)));
              page.getByTestId("upload").click();
            });
    Assertions.assertThat(refused.status()).isEqualTo(415);
    page.waitForLoadState();
    assertThat(page.getByTestId("error-file")).isVisible();
    assertThat(page.getByTestId("error-file")).containsText("Its contents decide, not its name");
    assertThat(page.locator("#f-file")).hasAttribute("aria-invalid", "true");
    E2eBrowser.screenshot(page, "studio-media-refused");
    browser.assertClean();
  }

  @Test
  void theLibraryFitsAPhone() throws IOException {
    Page page = browser.newPage("http://localhost:" + port, 360, 780, "zh-CN", false);
    page.navigate("/login");
    page.locator("#f-email").fill("expert@guildhall.demo");
    page.locator("#f-password").fill("guildhall-demo");
    page.getByTestId("sign-in").click();
    page.waitForURL(u -> !u.contains("/login"));
    page.navigate("/studio/media");
    assertThat(page.locator("h1")).isVisible();
    String name = "一个很长的文件名-" + UUID.randomUUID() + "-第一讲的封面图片.png";
    page.locator("#f-file").setInputFiles(new FilePayload(name, "image/png", png(400, 300)));
    page.getByTestId("upload").click();
    page.waitForURL("**/studio/media");
    assertThat(page.getByTestId("flash")).isVisible();
    assertThat(page.getByTestId("media-list")).containsText(name);
    E2eBrowser.assertNoHorizontalOverflow(page);
    E2eBrowser.screenshot(page, "studio-media-360");
    browser.assertClean();
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x4338CA));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
