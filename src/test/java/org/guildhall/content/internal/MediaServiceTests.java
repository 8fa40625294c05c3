package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.guildhall.content.MediaKind;
import org.guildhall.content.MediaSamples;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/**
 * The upload order keeps the library whole: nothing is written for a refused upload, and blobs
 * written before a failed row are removed again. Runs without Spring, on a database that has no
 * media table (so every row write fails) and an in-memory store.
 */
class MediaServiceTests {

  final MemoryStore store = new MemoryStore();
  final JdbcClient brokenDatabase =
      JdbcClient.create(
          new DriverManagerDataSource(
              "jdbc:h2:mem:media-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  final MediaLimits limits = new MediaLimits(1, 1, 2, 1, DataSize.ofMegabytes(3));
  final MediaService service =
      new MediaService(
          store,
          new MediaStore(brokenDatabase),
          limits,
          Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void removesTheImageAndItsThumbnailsWhenTheRowCannotBeWritten() {
    byte[] png = MediaSamples.png(1200, 600);
    assertThatThrownBy(() -> upload("cover.png", png)).isNotInstanceOf(DomainException.class);
    assertThat(store.objects).isEmpty();
    assertThat(store.written).as("original and two thumbnails were written first").isEqualTo(3);
  }

  @Test
  void removesTheFileWhenTheRowCannotBeWritten() {
    assertThatThrownBy(() -> upload("talk.mp3", MediaSamples.mp3(5000)))
        .isNotInstanceOf(DomainException.class);
    assertThat(store.objects).isEmpty();
    assertThat(store.written).isEqualTo(1);
  }

  @Test
  void writesNothingForARefusedUpload() {
    assertThatThrownBy(() -> upload("clip.mp4", MediaSamples.text(1000)))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.status().value()).isEqualTo(415));
    assertThatThrownBy(() -> upload("long.mp3", MediaSamples.mp3(1024 * 1024 + 1)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(413);
              assertThat(e.fieldErrors()).containsEntry("file", "validation.media.too-large.audio");
              assertThat(e.args()).containsExactly(1L);
            });
    assertThatThrownBy(() -> upload("empty.pdf", new byte[0]))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.status().value()).isEqualTo(422));
    assertThat(store.written).isZero();
  }

  @Test
  void aVideoMayBeLargerThanAnImage() {
    byte[] video = MediaSamples.mp4(1024 * 1024 + 1);
    assertThatThrownBy(() -> upload("clip.mp4", video))
        .as("within the video limit, so only the row write fails")
        .isNotInstanceOf(DomainException.class);
    assertThat(store.written).isEqualTo(1);
  }

  private void upload(String name, byte[] bytes) {
    service.upload(
        UUID.randomUUID(), name, "application/octet-stream", bytes.length, stream(bytes));
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  /** A blob store in memory that counts writes. */
  static final class MemoryStore implements BlobStore {

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    int written;

    @Override
    public void put(String key, InputStream in, long length, String contentType)
        throws IOException {
      byte[] bytes = in.readAllBytes();
      if (bytes.length != length) {
        throw new IOException("length");
      }
      objects.put(key, bytes);
      written++;
    }

    @Override
    public Optional<Blob> get(String key) {
      byte[] bytes = objects.get(key);
      return bytes == null
          ? Optional.empty()
          : Optional.of(new Blob(new ByteArrayInputStream(bytes), bytes.length, "x"));
    }

    @Override
    public Optional<Blob> get(String key, long offset, long length) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Long> size(String key) {
      return Optional.ofNullable(objects.get(key)).map(b -> (long) b.length);
    }

    @Override
    public void delete(String key) {
      objects.remove(key);
    }
  }

  @Test
  void theKindDecidesTheLimit() {
    assertThat(limits.maxBytes(MediaKind.VIDEO)).isEqualTo(2L * 1024 * 1024);
    assertThat(limits.multipartMb()).isEqualTo(3);
  }
}
