package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Uploading through the API and the studio page: who may, what is accepted, and that a refused
 * upload answers 413 or 415 with a clear message on the file field and stores nothing at all.
 */
@MediaWebTest
class MediaUploadIntegrationTests {

  static final Pattern UPLOAD_ACTION =
      Pattern.compile("<form[^>]* action=\"([^\"]+)\"[^>]*media-upload");

  @LocalServerPort int port;
  @Autowired IdentityApi identity;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired MutableClock clock;

  @Value("${guildhall.storage.local-root}")
  Path mediaRoot;

  MediaHttp http;
  Person expert;
  Browser browser;
  String token;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @BeforeEach
  void signIn() {
    http = new MediaHttp(port);
    expert = People.provision(identity, "mu", Role.EXPERT);
    browser = new Browser(port);
    browser.signIn(expert.email(), People.PASSWORD);
    token = browser.createAccessToken("media", "30").orElseThrow();
  }

  HttpResponse<byte[]> apiUpload(String name, String type, byte[] bytes) {
    return http.upload(
        "/api/v1/media", "file", name, type, bytes, "Authorization", "Bearer " + token);
  }

  JsonNode body(HttpResponse<byte[]> response) {
    return json.readTree(response.body());
  }

  long rowsOf(UUID owner) {
    return jdbc.sql("SELECT count(*) FROM content_media WHERE owner_id = ?")
        .param(owner)
        .query(Long.class)
        .single();
  }

  Set<Path> storedFiles() throws IOException {
    Path media = mediaRoot.resolve("media");
    if (!Files.exists(media)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(media)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toSet());
    }
  }

  @Test
  void anExpertUploadsThroughTheApi() {
    byte[] png = MediaSamples.png(800, 400);
    HttpResponse<byte[]> created = apiUpload("../../cover<1>.png", "text/plain", png);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode view = body(created);
    String id = view.get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/media/" + id);
    assertThat(view.get("kind").asString()).isEqualTo("IMAGE");
    assertThat(view.get("contentType").asString()).as("from the bytes").isEqualTo("image/png");
    assertThat(view.get("originalName").asString()).isEqualTo("cover<1>.png");
    assertThat(view.get("size").asLong()).isEqualTo(png.length);
    assertThat(view.get("width").asInt()).isEqualTo(800);
    assertThat(view.get("url").asString()).isEqualTo("/media/i/" + id);
    assertThat(http.get("/media/i/" + id).body()).isEqualTo(png);

    HttpResponse<byte[]> mine = http.get("/api/v1/media", "Authorization", "Bearer " + token);
    assertThat(body(mine).get("items").get(0).get("id").asString()).isEqualTo(id);
    assertThat(http.get("/api/v1/media/" + id, "Authorization", "Bearer " + token).statusCode())
        .isEqualTo(200);
  }

  @Test
  void onlyExpertsAndTheOwnerMayUpload() {
    Person member = People.provision(identity, "mm");
    Browser memberBrowser = new Browser(port);
    memberBrowser.signIn(member.email(), People.PASSWORD);
    String memberToken = memberBrowser.createAccessToken("media", "30").orElseThrow();
    byte[] png = MediaSamples.png(10, 10);

    HttpResponse<byte[]> refused =
        http.upload(
            "/api/v1/media",
            "file",
            "a.png",
            "image/png",
            png,
            "Authorization",
            "Bearer " + memberToken);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(http.upload("/api/v1/media", "file", "a.png", "image/png", png).statusCode())
        .isEqualTo(401);
    assertThat(memberBrowser.get("/studio/media").status()).isEqualTo(403);
    assertThat(new Browser(port).get("/studio/media").location()).endsWith("/login");
    assertThat(rowsOf(member.id())).isZero();

    Person owner = People.provision(identity, "mo", Role.OWNER);
    Browser ownerBrowser = new Browser(port);
    ownerBrowser.signIn(owner.email(), People.PASSWORD);
    assertThat(ownerBrowser.get("/studio/media").status()).isEqualTo(200);
  }

  @Test
  void aWrongTypeIs415WithAMessageAndStoresNothing() throws IOException {
    Set<Path> before = storedFiles();

    HttpResponse<byte[]> textAsVideo =
        apiUpload("lesson.mp4", "video/mp4", MediaSamples.text(5000));
    assertThat(textAsVideo.statusCode()).isEqualTo(415);
    assertThat(textAsVideo.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode problem = body(textAsVideo);
    assertThat(problem.get("type").asString()).isEqualTo("/problems/media-unsupported");
    JsonNode error = problem.get("errors").get(0);
    assertThat(error.get("field").asString()).isEqualTo("file");
    assertThat(error.get("message").asString())
        .contains("not an image (PNG, JPEG, GIF, WebP), audio (MP3, M4A, Ogg), video (MP4, WebM)")
        .contains("Its contents decide, not its name");

    HttpResponse<byte[]> htmlAsPng = apiUpload("photo.png", "image/png", MediaSamples.html());
    assertThat(htmlAsPng.statusCode()).isEqualTo(415);
    assertThat(body(htmlAsPng).get("errors").get(0).get("field").asString()).isEqualTo("file");

    assertThat(rowsOf(expert.id())).isZero();
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void aFileOverItsKindsLimitIs413WithTheLimitAndStoresNothing() throws IOException {
    Set<Path> before = storedFiles();

    HttpResponse<byte[]> audio =
        apiUpload("talk.mp3", "audio/mpeg", MediaSamples.mp3(1024 * 1024 + 1));
    assertThat(audio.statusCode()).isEqualTo(413);
    JsonNode problem = body(audio);
    assertThat(problem.get("type").asString()).isEqualTo("/problems/media-too-large");
    assertThat(problem.get("detail").asString())
        .isEqualTo("The file is larger than the 1 MB allowed.");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("Audio files can be at most 1 MB; this one is larger.");

    // the same size is fine for a video, whose limit is 2 MB
    HttpResponse<byte[]> video =
        apiUpload("clip.mp4", "video/mp4", MediaSamples.mp4(1024 * 1024 + 1));
    assertThat(video.statusCode()).isEqualTo(201);

    HttpResponse<byte[]> bigVideo =
        apiUpload("long.mp4", "video/mp4", MediaSamples.mp4(2 * 1024 * 1024 + 1));
    assertThat(bigVideo.statusCode()).isEqualTo(413);
    assertThat(body(bigVideo).get("errors").get(0).get("message").asString())
        .isEqualTo("Videos can be at most 2 MB; this one is larger.");

    assertThat(rowsOf(expert.id())).isEqualTo(1);
    assertThat(storedFiles()).hasSize(before.size() + 1);
  }

  @Test
  void aRequestOverTheUploadLimitIs413WithTheLimit() throws IOException {
    Set<Path> before = storedFiles();
    HttpResponse<byte[]> huge =
        apiUpload("huge.mp4", "video/mp4", MediaSamples.mp4(3 * 1024 * 1024 + 512 * 1024));
    assertThat(huge.statusCode()).isEqualTo(413);
    JsonNode problem = body(huge);
    assertThat(problem.get("type").asString()).isEqualTo("/problems/media-too-large");
    assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("file");
    assertThat(problem.get("errors").get(0).get("message").asString())
        .isEqualTo("Uploads can be at most 3 MB; this file is larger.");
    assertThat(rowsOf(expert.id())).isZero();
    assertThat(storedFiles()).isEqualTo(before);
  }

  @Test
  void aMissingFileIs422() {
    HttpResponse<byte[]> missing =
        http.upload(
            "/api/v1/media",
            "other",
            "a.png",
            "image/png",
            MediaSamples.png(4, 4),
            "Authorization",
            "Bearer " + token);
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(body(missing).get("errors").get(0).get("message").asString())
        .isEqualTo("Choose a file to upload.");
  }

  @Test
  void theStudioPageUploadsAndListsWithMarkdown() {
    Page page = browser.get("/studio/media");
    assertThat(action(page)).isEqualTo("/studio/media");
    assertThat(page.body())
        .contains("data-max-video-bytes=\"2097152\"")
        .contains("data-max-video-message=\"Videos can be at most 2 MB; this one is larger.\"")
        .contains("data-max-audio-bytes=\"1048576\"");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Media library")
        .contains("Images (PNG, JPEG, GIF, WebP) up to 1 MB")
        .contains("video (MP4, WebM) up to 2 MB");

    Page uploaded =
        browser.postMultipart(
            action(page),
            Map.of(),
            "file",
            "<img src=x onerror=alert(1)>.png",
            "image/png",
            MediaSamples.png(64, 32));
    assertThat(uploaded.status()).isEqualTo(302);
    assertThat(uploaded.location()).endsWith("/studio/media");
    Page list = browser.get("/studio/media");
    assertThat(list.body())
        .contains("data-testid=\"flash\"")
        .contains(">&lt;img src=x onerror=alert(1)&gt;.png<")
        .doesNotContain("<img src=x");
    UUID id =
        jdbc.sql("SELECT id FROM content_media WHERE owner_id = ?")
            .param(expert.id())
            .query(UUID.class)
            .single();
    assertThat(list.body())
        .contains("src=\"/media/i/" + id + "?w=320\"")
        .contains("value=\"![\\&lt;img src=x onerror=alert(1)>.png](/media/i/" + id + ")\"");

    browser.postMultipart(
        action(list), Map.of(), "file", "notes.pdf", "application/pdf", MediaSamples.pdf(3000));
    assertThat(browser.get("/studio/media").body()).contains("[notes.pdf](media:");
  }

  @Test
  void theStudioPageShowsRefusalsNextToTheField() {
    Page page = browser.get("/studio/media");
    Page wrongType =
        browser.postMultipart(
            action(page), Map.of(), "file", "lesson.mp4", "video/mp4", MediaSamples.text(2000));
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(errorOnFile(wrongType)).contains("Its contents decide, not its name");

    Page tooLarge =
        browser.postMultipart(
            action(wrongType),
            Map.of(),
            "file",
            "scan.pdf",
            "application/pdf",
            MediaSamples.pdf(1024 * 1024 + 1));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(errorOnFile(tooLarge))
        .isEqualTo("PDF and ZIP files can be at most 1 MB; this one is larger.");

    // Over the request limit, the container refuses the body before the CSRF token in it can be
    // read: an error page with the status (the page's script stops such files before sending).
    Page overTheLimit =
        browser.postMultipart(
            action(tooLarge),
            Map.of(),
            "file",
            "huge.mp4",
            "video/mp4",
            MediaSamples.mp4(3 * 1024 * 1024 + 512 * 1024));
    assertThat(overTheLimit.status()).isEqualTo(413);
    assertThat(overTheLimit.body()).contains("That file is too large");
    assertThat(rowsOf(expert.id())).isZero();
  }

  @Test
  void theStudioPageSpeaksChinese() {
    browser.get("/lang?to=zh-CN&return=/studio/media");
    Page page = browser.get("/studio/media");
    assertThat(page.body()).contains("媒体库");
    Page refused =
        browser.postMultipart(
            action(page),
            Map.of(),
            "file",
            "a.mp3",
            "audio/mpeg",
            MediaSamples.mp3(1024 * 1024 + 1));
    assertThat(refused.status()).isEqualTo(413);
    assertThat(errorOnFile(refused)).isEqualTo("音频不能超过 1 MB，这个文件超出了。");
  }

  @Test
  void theListIsPagedByKey() {
    for (int i = 0; i < 22; i++) {
      clock.advance(java.time.Duration.ofMillis(1));
      apiUpload("n" + i + ".pdf", "application/pdf", MediaSamples.pdf(100 + i));
    }
    Page first = browser.get("/studio/media");
    assertThat(first.body()).contains("n21.pdf").doesNotContain("n1.pdf<");
    Matcher more = Pattern.compile("href=\"(/studio/media\\?after=[^\"]+)\"").matcher(first.body());
    assertThat(more.find()).isTrue();
    Page rows = browser.get(more.group(1), Map.of("HX-Request", "true", "Accept", "text/html"));
    assertThat(rows.body()).contains("n1.pdf").contains("n0.pdf").doesNotContain("n21.pdf");
    assertThat(rows.body()).doesNotContain("<html");
  }

  static String action(Page page) {
    Matcher m = UPLOAD_ACTION.matcher(page.body());
    assertThat(m.find()).as("the upload form").isTrue();
    return m.group(1);
  }

  static String errorOnFile(Page page) {
    Matcher m = Pattern.compile("data-testid=\"error-file\">([^<]*)<").matcher(page.body());
    assertThat(m.find()).as("an error next to the file field in %s", page.body()).isTrue();
    return m.group(1);
  }
}
