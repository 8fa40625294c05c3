package org.guildhall.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local-disk store keeps the {@link BlobStoreContract}. */
class LocalBlobStoreTests extends BlobStoreContract {

  @TempDir Path root;
  LocalBlobStore store;

  @BeforeEach
  void createStore() {
    store = new LocalBlobStore(root);
  }

  @Override
  BlobStore store() {
    return store;
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFile() throws IOException {
    try {
      store.put(key("mp4"), new ByteArrayInputStream(new byte[10]), 20, "video/mp4");
    } catch (IOException expected) {
      // the stream was short
    }
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
  }
}
