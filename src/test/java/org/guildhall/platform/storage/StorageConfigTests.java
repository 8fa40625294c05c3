package org.guildhall.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The S3 store replaces the local disk exactly when a bucket is configured. */
class StorageConfigTests {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(StorageConfig.class)
          .withPropertyValues("guildhall.storage.local-root=target/test-media");

  @Test
  void usesTheLocalDiskByDefault() {
    runner.run(
        context -> assertThat(context.getBean(BlobStore.class)).isInstanceOf(LocalBlobStore.class));
    runner
        .withPropertyValues("guildhall.storage.s3.bucket=")
        .run(
            context ->
                assertThat(context.getBean(BlobStore.class)).isInstanceOf(LocalBlobStore.class));
  }

  @Test
  void usesTheBucketWhenOneIsConfigured() throws Exception {
    try (S3Stub stub = new S3Stub("media-bucket")) {
      runner
          .withPropertyValues(
              "guildhall.storage.s3.bucket=media-bucket",
              "guildhall.storage.s3.endpoint=" + stub.endpoint(),
              "guildhall.storage.s3.region=eu-central-1",
              "guildhall.storage.s3.access-key=key",
              "guildhall.storage.s3.secret-key=secret",
              "guildhall.storage.s3.path-style=true")
          .run(
              context -> {
                BlobStore store = context.getBean(BlobStore.class);
                assertThat(store).isInstanceOf(S3BlobStore.class);
                store.put("media/a/original.pdf", new byte[] {7}, "application/pdf");
                assertThat(stub.objects()).containsKey("media/a/original.pdf");
              });
    }
  }
}
