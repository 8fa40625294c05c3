package org.guildhall.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Files on local disk under {@code guildhall.storage.local-root}. A write goes to a temporary file
 * beside the target and is renamed into place, so readers never see half a file and a failed write
 * leaves nothing.
 */
class LocalBlobStore implements BlobStore {

  private final Path root;

  LocalBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void put(String key, InputStream in, long length, String contentType) throws IOException {
    Streams.requireLength(length);
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        Streams.copyExactly(in, out, length);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Optional<Blob> get(String key) throws IOException {
    Optional<Path> path = existing(key);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Blob(Files.newInputStream(path.get()), Files.size(path.get()), type(path.get())));
  }

  @Override
  public Optional<Blob> get(String key, long offset, long length) throws IOException {
    Streams.requireValidRange(offset, length);
    Optional<Path> path = existing(key);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    SeekableByteChannel channel = Files.newByteChannel(path.get());
    try {
      long size = channel.size();
      long start = Math.min(offset, size);
      long count = Math.min(length, size - start);
      channel.position(start);
      return Optional.of(
          new Blob(
              Streams.bounded(Channels.newInputStream(channel), count), count, type(path.get())));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    Optional<Path> path = existing(key);
    return path.isEmpty() ? Optional.empty() : Optional.of(Files.size(path.get()));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  private Optional<Path> existing(String key) {
    if (!StorageKeys.isSafe(key)) {
      return Optional.empty();
    }
    Path path = resolve(key);
    return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
  }

  private static String type(Path path) throws IOException {
    String type = Files.probeContentType(path);
    return type == null ? "application/octet-stream" : type;
  }

  private Path resolve(String key) {
    StorageKeys.require(key);
    Path path = root.resolve(key).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("Unsafe storage key");
    }
    return path;
  }
}
