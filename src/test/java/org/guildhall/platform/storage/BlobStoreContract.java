package org.guildhall.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.guildhall.platform.storage.BlobStore.Blob;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BlobStore} promises, run against each implementation: whole and ranged reads
 * give exactly the stored bytes, a write is all or nothing, keys are checked.
 */
abstract class BlobStoreContract {

  /** The store under test; {@link #largeSize()} bytes must span more than one write part. */
  abstract BlobStore store();

  /** A size that a store writes in several parts, if it does so at all. */
  int largeSize() {
    return 200 * 1024 + 17;
  }

  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String key(String ext) {
    return "media/" + UUID.randomUUID() + "/original." + ext;
  }

  static byte[] read(Blob blob) throws IOException {
    try (InputStream in = blob.content()) {
      return in.readAllBytes();
    }
  }

  @Test
  void storesAndReadsBackAStream() throws IOException {
    byte[] content = bytes(1000, 1);
    String key = key("mp3");
    store().put(key, new ByteArrayInputStream(content), content.length, "audio/mpeg");
    Blob blob = store().get(key).orElseThrow();
    assertThat(blob.length()).isEqualTo(1000);
    assertThat(read(blob)).isEqualTo(content);
    assertThat(store().size(key)).contains(1000L);
  }

  @Test
  void storesALargeStreamInPartsAndReadsItBackWhole() throws IOException {
    byte[] content = bytes(largeSize(), 2);
    String key = key("mp4");
    store().put(key, new ByteArrayInputStream(content), content.length, "video/mp4");
    assertThat(store().size(key)).contains((long) content.length);
    assertThat(read(store().get(key).orElseThrow())).isEqualTo(content);
  }

  @Test
  void theByteArrayWriteStillWorksForAvatars() throws IOException {
    byte[] content = "jpeg bytes".getBytes(StandardCharsets.UTF_8);
    String key = "avatars/" + UUID.randomUUID() + ".jpg";
    store().put(key, content, "image/jpeg");
    assertThat(read(store().get(key).orElseThrow())).isEqualTo(content);
  }

  @Test
  void readsExactlyTheRequestedRange() throws IOException {
    byte[] content = bytes(largeSize(), 3);
    String key = key("mp4");
    store().put(key, new ByteArrayInputStream(content), content.length, "video/mp4");

    Blob middle = store().get(key, 1000, 5000).orElseThrow();
    assertThat(middle.length()).isEqualTo(5000);
    assertThat(read(middle)).isEqualTo(Arrays.copyOfRange(content, 1000, 6000));

    Blob first = store().get(key, 0, 1).orElseThrow();
    assertThat(read(first)).containsExactly(content[0]);

    Blob last = store().get(key, content.length - 1, 1).orElseThrow();
    assertThat(read(last)).containsExactly(content[content.length - 1]);
  }

  @Test
  void aRangePastTheEndIsClipped() throws IOException {
    byte[] content = bytes(100, 4);
    String key = key("pdf");
    store().put(key, new ByteArrayInputStream(content), 100, "application/pdf");

    Blob tail = store().get(key, 90, 1000).orElseThrow();
    assertThat(tail.length()).isEqualTo(10);
    assertThat(read(tail)).isEqualTo(Arrays.copyOfRange(content, 90, 100));

    Blob toTheEnd = store().get(key, 40, Long.MAX_VALUE).orElseThrow();
    assertThat(read(toTheEnd)).isEqualTo(Arrays.copyOfRange(content, 40, 100));

    Blob beyond = store().get(key, 100, 10).orElseThrow();
    assertThat(beyond.length()).isZero();
    assertThat(read(beyond)).isEmpty();

    assertThat(store().get(key, 5, 0).orElseThrow().length()).isZero();
  }

  @Test
  void aMissingObjectIsEmptyEverywhere() throws IOException {
    String key = key("zip");
    assertThat(store().get(key)).isEmpty();
    assertThat(store().get(key, 0, 10)).isEmpty();
    assertThat(store().get(key, 0, 0)).isEmpty();
    assertThat(store().size(key)).isEmpty();
    store().delete(key); // not an error
  }

  @Test
  void deleteRemovesTheObject() throws IOException {
    String key = key("pdf");
    store().put(key, new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "application/pdf");
    store().delete(key);
    assertThat(store().get(key)).isEmpty();
    assertThat(store().size(key)).isEmpty();
  }

  @Test
  void aWriteReplacesTheWholeObject() throws IOException {
    String key = key("pdf");
    store().put(key, new ByteArrayInputStream(bytes(500, 5)), 500, "application/pdf");
    byte[] second = bytes(20, 6);
    store().put(key, new ByteArrayInputStream(second), 20, "application/pdf");
    assertThat(read(store().get(key).orElseThrow())).isEqualTo(second);
  }

  @Test
  void aStreamShorterThanDeclaredStoresNothing() {
    for (int size : new int[] {100, largeSize()}) {
      String key = key("mp4");
      byte[] content = bytes(size, 7);
      assertThatThrownBy(
              () -> store().put(key, new ByteArrayInputStream(content), size + 1L, "video/mp4"))
          .isInstanceOf(IOException.class);
      assertThat(sizeOf(key)).as("size %d", size).isEmpty();
    }
  }

  @Test
  void aStreamLongerThanDeclaredStoresNothing() {
    for (int size : new int[] {100, largeSize()}) {
      String key = key("mp4");
      byte[] content = bytes(size + 1, 8);
      assertThatThrownBy(
              () -> store().put(key, new ByteArrayInputStream(content), size, "video/mp4"))
          .isInstanceOf(IOException.class);
      assertThat(sizeOf(key)).as("size %d", size).isEmpty();
    }
  }

  @Test
  void aFailedWriteKeepsThePreviousObject() throws IOException {
    String key = key("pdf");
    byte[] first = bytes(300, 9);
    store().put(key, new ByteArrayInputStream(first), 300, "application/pdf");
    assertThatThrownBy(
            () -> store().put(key, new ByteArrayInputStream(new byte[10]), 11, "application/pdf"))
        .isInstanceOf(IOException.class);
    assertThat(read(store().get(key).orElseThrow())).isEqualTo(first);
  }

  @Test
  void refusesUnsafeKeys() throws IOException {
    for (String bad :
        new String[] {"../etc/passwd", "media/../../x", "/abs/path", "Media/x", "x"}) {
      assertThatThrownBy(
              () -> store().put(bad, new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(store().get(bad)).as(bad).isEmpty();
      assertThat(store().size(bad)).as(bad).isEmpty();
    }
  }

  private Optional<Long> sizeOf(String key) {
    try {
      return store().size(key);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
