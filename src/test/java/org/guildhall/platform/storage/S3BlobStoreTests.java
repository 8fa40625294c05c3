package org.guildhall.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.guildhall.platform.storage.S3Stub.Seen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The S3 store keeps the {@link BlobStoreContract} against a local S3-compatible stub, through the
 * real AWS SDK client (signed requests, path-style addressing, multipart uploads, ranged GETs).
 */
class S3BlobStoreTests extends BlobStoreContract {

  static final int PART_SIZE = 64 * 1024;
  static S3Stub stub;
  static S3BlobStore store;

  @BeforeAll
  static void start() throws IOException {
    stub = new S3Stub("guildhall-media");
    store =
        S3BlobStore.connect(
            "guildhall-media",
            stub.endpoint(),
            "us-east-1",
            "test-access-key",
            "test-secret-key",
            true,
            PART_SIZE);
  }

  @AfterAll
  static void stop() {
    store.close();
    stub.close();
  }

  @BeforeEach
  void clear() {
    stub.clear();
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void everyRequestIsSignedAndPathStyle() throws IOException {
    store.put(key("pdf"), new ByteArrayInputStream(new byte[] {1}), 1, "application/pdf");
    assertThat(stub.seen()).isNotEmpty();
    assertThat(stub.seen()).allMatch(Seen::signed);
    assertThat(stub.seen()).allMatch(s -> s.path().startsWith("/guildhall-media/media/"));
  }

  @Test
  void theStubRefusesAnUnsignedRequest() throws Exception {
    store.put("media/x/original.pdf", new byte[] {1, 2}, "application/pdf");
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(stub.endpoint() + "/guildhall-media/media/x/original.pdf"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(anonymous.body()).contains("AccessDenied");
  }

  @Test
  void aLargeObjectIsUploadedInPartsAndTheObjectKeepsItsType() throws IOException {
    String key = key("mp4");
    byte[] content = bytes(PART_SIZE * 3 + 5, 11);
    store.put(key, new ByteArrayInputStream(content), content.length, "video/mp4");
    assertThat(stub.seen().stream().filter(s -> "PUT".equals(s.method())).count()).isEqualTo(4);
    assertThat(stub.objects().get(key).contentType()).isEqualTo("video/mp4");
    assertThat(store.get(key).orElseThrow().contentType()).isEqualTo("video/mp4");
    assertThat(stub.pendingUploads()).isZero();
  }

  @Test
  void aFailedPartedUploadIsAborted() {
    String key = key("mp4");
    byte[] content = bytes(PART_SIZE * 2 + 1, 12);
    assertThatThrownBy(
            () ->
                store.put(
                    key, new ByteArrayInputStream(content), content.length + 10L, "video/mp4"))
        .isInstanceOf(IOException.class);
    assertThat(stub.pendingUploads()).isZero();
    assertThat(stub.objects()).doesNotContainKey(key);
  }

  @Test
  void rangedReadsAskForTheRangeOnly() throws IOException {
    String key = key("mp3");
    store.put(key, new ByteArrayInputStream(bytes(5000, 13)), 5000, "audio/mpeg");
    assertThat(read(store.get(key, 100, 50).orElseThrow())).hasSize(50);
    assertThat(stub.seen())
        .filteredOn(s -> "GET".equals(s.method()))
        .extracting(Seen::range)
        .containsExactly("bytes=100-149");
  }
}
