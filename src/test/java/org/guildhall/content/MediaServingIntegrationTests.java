package org.guildhall.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.guildhall.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Serving media over real HTTP: byte ranges (the three forms, 416, HEAD), signed links (valid,
 * expired, altered, missing) and public images with their thumbnails.
 */
@MediaWebTest
class MediaServingIntegrationTests {

  @LocalServerPort int port;
  @Autowired MediaApi media;
  @Autowired MutableClock clock;
  MediaHttp http;
  UUID owner = UUID.randomUUID();

  @BeforeEach
  void client() {
    http = new MediaHttp(port);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  MediaView upload(String name, byte[] bytes) {
    return media.upload(owner, name, "application/octet-stream", bytes.length, in(bytes));
  }

  static ByteArrayInputStream in(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  @Test
  void aSignedLinkServesTheWholeFile() {
    byte[] video = MediaSamples.mp4(300_000);
    MediaView view = upload("第一课.mp4", video);
    String url = media.signedUrl(view.id(), Duration.ofMinutes(10));
    assertThat(url).matches("/media/s/" + view.id() + "\\?exp=\\d+&sig=[A-Za-z0-9_-]{43}");

    HttpResponse<byte[]> response = http.get(url);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(video);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(response.headers().firstValue("Content-Length")).hasValue("300000");
    assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"___.mp4\"; filename*=UTF-8''%E7%AC%AC%E4%B8%80%E8%AF%BE.mp4");
    String cache = response.headers().firstValue("Cache-Control").orElseThrow();
    assertThat(cache).startsWith("max-age=").contains("private");
    long maxAge = Long.parseLong(cache.replaceAll(".*max-age=(\\d+).*", "$1"));
    assertThat(maxAge).isBetween(590L, 600L);
  }

  @Test
  void rangesAnswer206WithExactlyThoseBytes() {
    byte[] audio = MediaSamples.mp3(100_000);
    MediaView view = upload("talk.mp3", audio);
    String url = media.signedUrl(view.id(), Duration.ofMinutes(5));

    HttpResponse<byte[]> closed = http.get(url, "Range", "bytes=1000-1999");
    assertThat(closed.statusCode()).isEqualTo(206);
    assertThat(closed.body()).isEqualTo(Arrays.copyOfRange(audio, 1000, 2000));
    assertThat(closed.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/100000");
    assertThat(closed.headers().firstValue("Content-Length")).hasValue("1000");

    HttpResponse<byte[]> open = http.get(url, "Range", "bytes=99000-");
    assertThat(open.statusCode()).isEqualTo(206);
    assertThat(open.body()).isEqualTo(Arrays.copyOfRange(audio, 99_000, 100_000));
    assertThat(open.headers().firstValue("Content-Range")).hasValue("bytes 99000-99999/100000");

    HttpResponse<byte[]> suffix = http.get(url, "Range", "bytes=-500");
    assertThat(suffix.statusCode()).isEqualTo(206);
    assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(audio, 99_500, 100_000));
    assertThat(suffix.headers().firstValue("Content-Range")).hasValue("bytes 99500-99999/100000");

    HttpResponse<byte[]> past = http.get(url, "Range", "bytes=99990-200000");
    assertThat(past.statusCode()).isEqualTo(206);
    assertThat(past.body()).isEqualTo(Arrays.copyOfRange(audio, 99_990, 100_000));
  }

  @Test
  void anUnsatisfiableRangeIs416AndAnotherVersionGetsEverything() {
    byte[] file = MediaSamples.pdf(5000);
    MediaView view = upload("notes.pdf", file);
    String url = media.signedUrl(view.id(), Duration.ofMinutes(5));

    HttpResponse<byte[]> beyond = http.get(url, "Range", "bytes=5000-6000");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */5000");
    assertThat(beyond.body()).isEmpty();

    HttpResponse<byte[]> stale = http.get(url, "Range", "bytes=0-9", "If-Range", "\"other\"");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(file);

    String etag = stale.headers().firstValue("ETag").orElseThrow();
    HttpResponse<byte[]> same = http.get(url, "Range", "bytes=0-9", "If-Range", etag);
    assertThat(same.statusCode()).isEqualTo(206);
    assertThat(same.body()).isEqualTo(Arrays.copyOf(file, 10));
  }

  @Test
  void headAnswersTheHeadersWithoutTheBytes() {
    MediaView view = upload("notes.pdf", MediaSamples.pdf(4321));
    String url = media.signedUrl(view.id(), Duration.ofMinutes(5));

    HttpResponse<byte[]> head = http.head(url);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("Content-Length")).hasValue("4321");
    assertThat(head.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");

    HttpResponse<byte[]> ranged = http.head(url, "Range", "bytes=-21");
    assertThat(ranged.statusCode()).isEqualTo(206);
    assertThat(ranged.headers().firstValue("Content-Range")).hasValue("bytes 4300-4320/4321");
    assertThat(ranged.headers().firstValue("Content-Length")).hasValue("21");
  }

  @Test
  void filesDownloadAsAttachments() {
    MediaView view = upload("slides \"final\".zip", MediaSamples.zip(2000));
    HttpResponse<byte[]> response = http.get(media.signedUrl(view.id(), Duration.ofMinutes(5)));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue(
            "attachment; filename=\"slides _final_.zip\";"
                + " filename*=UTF-8''slides%20%22final%22.zip");
  }

  @Test
  void anExpiredLinkIsRefused() {
    MediaView view = upload("talk.mp3", MediaSamples.mp3(10_000));
    String url = media.signedUrl(view.id(), Duration.ofMinutes(5));
    assertThat(http.get(url).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    HttpResponse<byte[]> expired = http.get(url);
    assertThat(expired.statusCode()).isEqualTo(403);
    assertThat(MediaHttp.text(expired)).contains("invalid or has expired");
    assertThat(expired.body().length).isLessThan(200);
    assertThat(expired.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(http.get(url, "Range", "bytes=0-10").statusCode()).isEqualTo(403);
    assertThat(http.head(url).statusCode()).isEqualTo(403);
  }

  @Test
  void anAlteredLinkIsRefused() {
    MediaView paid = upload("paid.mp4", MediaSamples.mp4(10_000));
    MediaView other = upload("other.mp4", MediaSamples.mp4(10_000));
    String url = media.signedUrl(paid.id(), Duration.ofMinutes(5));
    String exp = url.replaceAll(".*exp=(\\d+).*", "$1");
    String sig = url.replaceAll(".*sig=", "");

    String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
    assertThat(http.get(url.replace(sig, flipped)).statusCode()).as("altered sig").isEqualTo(403);
    assertThat(http.get("/media/s/" + other.id() + "?exp=" + exp + "&sig=" + sig).statusCode())
        .as("altered id")
        .isEqualTo(403);
    long later = Long.parseLong(exp) + 3600;
    assertThat(http.get(url.replace("exp=" + exp, "exp=" + later)).statusCode())
        .as("altered expiry")
        .isEqualTo(403);
    assertThat(
            http.get(url.replace(paid.id().toString(), paid.id().toString().toUpperCase()))
                .statusCode())
        .as("same id, other spelling")
        .isEqualTo(403);
    assertThat(http.get("/media/s/" + paid.id()).statusCode()).as("unsigned").isEqualTo(403);
    assertThat(http.get("/media/s/" + paid.id() + "?exp=" + exp).statusCode())
        .as("no signature")
        .isEqualTo(403);
    assertThat(http.get("/media/s/not-a-uuid?exp=" + exp + "&sig=" + sig).statusCode())
        .isEqualTo(403);
    assertThat(http.get(url).statusCode()).as("the genuine link").isEqualTo(200);
  }

  @Test
  void paidMediaIsNotServedAsAPublicImage() {
    MediaView video = upload("paid.mp4", MediaSamples.mp4(1000));
    assertThat(http.get("/media/i/" + video.id()).statusCode()).isEqualTo(404);
    assertThat(http.get("/media/i/" + video.id() + "?w=320").statusCode()).isEqualTo(404);
    assertThat(video.url()).isNull();
  }

  @Test
  void imagesArePublicAndImmutable() {
    byte[] png = MediaSamples.png(600, 300);
    MediaView view = upload("cover.png", png);
    assertThat(view.url()).isEqualTo("/media/i/" + view.id());
    assertThat(view.width()).isEqualTo(600);
    assertThat(view.height()).isEqualTo(300);

    HttpResponse<byte[]> image = http.get(view.url());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.body()).isEqualTo(png);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(image.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000")
        .contains("public")
        .contains("immutable");
    assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

    HttpResponse<byte[]> part = http.get(view.url(), "Range", "bytes=0-7");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOf(png, 8));
  }

  @Test
  void imagesGetJpegThumbnails320And960Wide() throws Exception {
    MediaView view = upload("wide.png", MediaSamples.png(2000, 1000));
    assertThat(media.thumbnailUrl(view.id(), 320)).isEqualTo(view.url() + "?w=320");

    HttpResponse<byte[]> small = http.get(view.url() + "?w=320");
    assertThat(small.statusCode()).isEqualTo(200);
    assertThat(small.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    var smallImage = ImageIO.read(new ByteArrayInputStream(small.body()));
    assertThat(smallImage.getWidth()).isEqualTo(320);
    assertThat(smallImage.getHeight()).isEqualTo(160);

    HttpResponse<byte[]> large = http.get(view.url() + "?w=960");
    var largeImage = ImageIO.read(new ByteArrayInputStream(large.body()));
    assertThat(largeImage.getWidth()).isEqualTo(960);
    assertThat(largeImage.getHeight()).isEqualTo(480);
    assertThat(large.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");

    HttpResponse<byte[]> other = http.get(view.url() + "?w=500");
    assertThat(other.headers().firstValue("Content-Type")).as("the original").hasValue("image/png");
  }

  @Test
  void smallImagesAreNotEnlargedAndWebpIsKeptAsItIs() throws Exception {
    MediaView small = upload("icon.gif", MediaSamples.gif(200, 100));
    var thumb = ImageIO.read(new ByteArrayInputStream(http.get(small.url() + "?w=960").body()));
    assertThat(thumb.getWidth()).isEqualTo(200);
    assertThat(thumb.getHeight()).isEqualTo(100);

    byte[] webp = MediaSamples.webp(1600, 900);
    MediaView view = upload("photo.webp", webp);
    assertThat(view.contentType()).isEqualTo("image/webp");
    assertThat(view.width()).isEqualTo(1600);
    assertThat(view.height()).isEqualTo(900);
    HttpResponse<byte[]> original = http.get(view.url() + "?w=320");
    assertThat(original.headers().firstValue("Content-Type")).hasValue("image/webp");
    assertThat(original.body()).isEqualTo(webp);
  }

  @Test
  void anUnknownIdIsNotFound() {
    assertThat(http.get("/media/i/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(http.get("/media/i/nope").statusCode()).isEqualTo(404);
    String url = media.signedUrl(UUID.randomUUID(), Duration.ofMinutes(1));
    assertThat(http.get(url).statusCode()).isEqualTo(404);
  }
}
