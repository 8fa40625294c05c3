package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Editing the profile, avatars, and the public profile page. */
@WebIntegrationTest
class ProfileIntegrationTests {

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  Browser browser;
  String handle;

  @BeforeEach
  void signIn() {
    String email = "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    handle = "p" + UUID.randomUUID().toString().substring(0, 8);
    identity.provision(
        email,
        "profile pass phrase",
        "Profile Person",
        handle,
        java.util.Set.of(Role.MEMBER),
        "en");
    browser = new Browser(port);
    browser.signIn(email, "profile pass phrase");
  }

  Map<String, String> form(String name, String bio) {
    Map<String, String> form = new HashMap<>();
    form.put("displayName", name);
    form.put("bio", bio);
    form.put("links", "https://example.com/me\nhttps://github.com/me");
    form.put("timeZone", "Asia/Shanghai");
    form.put("language", "en");
    return form;
  }

  static byte[] png(int width, int height) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x4338CA));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  @Test
  void savesTheProfileWithAnAvatarAndShowsItPublicly() throws Exception {
    browser.get("/settings/profile");
    Page saved =
        browser.postMultipart(
            "/settings/profile",
            form("王小明", "学习产品设计"),
            "avatar",
            "me.png",
            "image/png",
            png(640, 480));
    assertThat(saved.status()).isEqualTo(302);
    Page profile = new Browser(port).get("/u/" + handle);
    assertThat(profile.body()).contains("王小明").contains("学习产品设计").contains("example.com/me");
    Matcher avatar =
        Pattern.compile("src=\"(/media/avatars/[a-z0-9-]+\\.jpg)\"").matcher(profile.body());
    assertThat(avatar.find()).isTrue();
    HttpResponse<byte[]> image =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + avatar.group(1)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    BufferedImage stored = ImageIO.read(new ByteArrayInputStream(image.body()));
    assertThat(stored.getWidth()).isEqualTo(256);
    assertThat(stored.getHeight()).isEqualTo(256);
  }

  @Test
  void refusesANonImageAndChangesNothing() throws Exception {
    browser.get("/settings/profile");
    Page refused =
        browser.postMultipart(
            "/settings/profile",
            form("Changed Name", "changed"),
            "avatar",
            "evil.png",
            "image/png",
            "<svg onload=alert(1)>".getBytes());
    assertThat(refused.status()).isEqualTo(415);
    assertThat(refused.body())
        .contains("data-testid=\"error-avatar\"")
        .contains("PNG, JPEG or GIF");
    assertThat(new Browser(port).get("/u/" + handle).body())
        .contains("Profile Person")
        .doesNotContain("Changed Name");
  }

  @Test
  void refusesAnOversizedAvatarAndChangesNothing() throws Exception {
    browser.get("/settings/profile");
    byte[] big = new byte[2 * 1024 * 1024 + 10];
    System.arraycopy(png(10, 10), 0, big, 0, 8);
    Page refused =
        browser.postMultipart(
            "/settings/profile", form("Changed Name", "x"), "avatar", "big.png", "image/png", big);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than 2 MB");
    assertThat(new Browser(port).get("/u/" + handle).body()).doesNotContain("Changed Name");
  }

  @Test
  void reportsEveryInvalidField() {
    browser.get("/settings/profile");
    Map<String, String> bad = form("", "x".repeat(1001));
    bad.put("links", "javascript:alert(1)");
    bad.put("timeZone", "Nowhere/Atlantis");
    Page page = browser.post("/settings/profile", bad);
    assertThat(page.status()).isEqualTo(422);
    assertThat(page.body())
        .contains("data-testid=\"error-displayName\"")
        .contains("data-testid=\"error-bio\"")
        .contains("data-testid=\"error-links\"");
    assertThat(page.body()).doesNotContain("href=\"javascript:");
  }

  @Test
  void escapesWhatMembersWrite() {
    browser.get("/settings/profile");
    Map<String, String> form = form("<script>alert(1)</script>", "<img src=x onerror=alert(1)>");
    assertThat(browser.post("/settings/profile", form).status()).isEqualTo(302);
    String page = new Browser(port).get("/u/" + handle).body();
    assertThat(page).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x");
    assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void changingThePasswordNeedsTheCurrentOne() {
    browser.get("/settings/account");
    Page wrong =
        browser.post(
            "/settings/password",
            Map.of("currentPassword", "nope", "newPassword", "a new pass phrase"));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.body()).contains("current password is not correct");
    Page ok =
        browser.post(
            "/settings/password",
            Map.of("currentPassword", "profile pass phrase", "newPassword", "a new pass phrase"));
    assertThat(ok.status()).isEqualTo(302);
    assertThat(browser.get("/settings/account").status()).as("this session stays").isEqualTo(200);
  }

  @Test
  void languageSwitchChangesPagesAndThePreference() {
    Page switched = browser.get("/lang?to=zh-CN&return=/settings/profile");
    assertThat(switched.status()).isEqualTo(302);
    assertThat(switched.location()).endsWith("/settings/profile");
    assertThat(browser.get("/settings/profile").body()).contains("lang=\"zh-CN\"").contains("个人资料");
    assertThat(browser.get("/lang?to=en&return=//evil.example").location()).doesNotContain("evil");
  }

  @Test
  void theTimeZoneListOffersTheMembersCurrentZone() {
    // Members who register in English start on UTC: the form must show it, not a default.
    assertThat(browser.get("/settings/profile").body())
        .contains("<option value=\"Asia/Shanghai\" selected>");
    java.util.Map<String, String> form = form("Profile Person", "");
    form.put("timeZone", "UTC");
    assertThat(browser.post("/settings/profile", form).status()).isEqualTo(302);
    assertThat(browser.get("/settings/profile").body()).contains("<option value=\"UTC\" selected>");
  }
}
