package org.guildhall.platform.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Files on local disk under {@code guildhall.storage.local-root}; writes are atomic renames. */
@Component
class LocalBlobStore implements BlobStore {

  private static final Pattern SAFE_KEY = Pattern.compile("[a-z0-9-]+(/[A-Za-z0-9._-]+)+");
  private final Path root;

  LocalBlobStore(@Value("${guildhall.storage.local-root:./data/media}") Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, byte[] content, String contentType) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
    try {
      Files.write(temp, content);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Optional<Blob> get(String key) throws IOException {
    Path path;
    try {
      path = resolve(key);
    } catch (IllegalArgumentException bad) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    String type = Files.probeContentType(path);
    return Optional.of(
        new Blob(
            Files.newInputStream(path),
            Files.size(path),
            type == null ? "application/octet-stream" : type));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  private Path resolve(String key) {
    if (key == null || !SAFE_KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("Unsafe storage key");
    }
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Unsafe storage key");
    }
    return path;
  }
}
