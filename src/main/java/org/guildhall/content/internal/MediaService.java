package org.guildhall.content.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.MediaKind;
import org.guildhall.content.MediaView;
import org.guildhall.content.internal.MediaImages.Processed;
import org.guildhall.content.internal.MediaSniffer.Sniffed;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.storage.BlobStore;
import org.guildhall.platform.storage.BlobStore.Blob;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes uploads into the media library. The order makes a refused or failed upload leave nothing:
 * the type is sniffed from the first bytes and the size checked against the kind's limit before
 * anything is written; the bytes are streamed to the blob store (never held in memory whole); an
 * image is read back for its size and thumbnails; only then is the row written, and if that fails
 * the stored blobs are removed again. No database transaction is held open while bytes move.
 */
@Service
public class MediaService {

  private static final Logger log = LoggerFactory.getLogger(MediaService.class);
  private static final int MAX_PAGE = 100;

  private final BlobStore store;
  private final MediaStore rows;
  private final MediaLimits limits;
  private final Clock clock;

  MediaService(BlobStore store, MediaStore rows, MediaLimits limits, Clock clock) {
    this.store = store;
    this.rows = rows;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * See {@link org.guildhall.content.MediaApi#upload}. {@code declaredType} is ignored: the bytes
   * decide.
   */
  public MediaView upload(
      UUID ownerId, String originalName, String declaredType, long size, InputStream in) {
    if (size <= 0) {
      throw DomainException.invalidField(MediaRefused.FIELD, "validation.media.empty");
    }
    byte[] head;
    try {
      head = in.readNBytes((int) Math.min(size, MediaSniffer.HEAD));
    } catch (IOException e) {
      throw new IllegalStateException("Could not read the upload", e);
    }
    Sniffed sniffed = MediaSniffer.sniff(head).orElseThrow(MediaRefused::unsupportedType);
    if (size > limits.maxBytes(sniffed.kind())) {
      throw MediaRefused.tooLarge(sniffed.kind(), limits.maxMb(sniffed.kind()));
    }
    UUID id = UUID.randomUUID();
    String storageKey = "media/" + id + "/original." + sniffed.extension();
    List<String> written = new ArrayList<>();
    try {
      store.put(
          storageKey,
          new SequenceInputStream(new ByteArrayInputStream(head), in),
          size,
          sniffed.contentType());
      written.add(storageKey);
      Integer width = null;
      Integer height = null;
      String thumbKey = null;
      if (sniffed.kind() == MediaKind.IMAGE) {
        Optional<Processed> image = readImage(storageKey, head);
        if (image.isPresent()) {
          width = image.get().width();
          height = image.get().height();
          if (!image.get().thumbnails().isEmpty()) {
            thumbKey = "media/" + id + "/thumb";
            for (var thumb : image.get().thumbnails().entrySet()) {
              String key = thumbKey + "-" + thumb.getKey() + ".jpg";
              store.put(key, thumb.getValue(), "image/jpeg");
              written.add(key);
            }
          }
        }
      }
      MediaRow row =
          new MediaRow(
              id,
              ownerId,
              sniffed.kind(),
              sniffed.contentType(),
              size,
              MediaNames.clean(originalName, sniffed.extension()),
              storageKey,
              thumbKey,
              width,
              height,
              clock.instant());
      rows.insert(row);
      return view(row);
    } catch (IOException | RuntimeException e) {
      removeQuietly(written, e);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("Could not store the upload", e);
    }
  }

  public Optional<MediaView> find(UUID id) {
    return rows.find(id).map(MediaService::view);
  }

  /** The media with these ids that exist, by id, in one statement. */
  public java.util.Map<UUID, MediaView> findAll(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, MediaView> found = new java.util.HashMap<>();
    rows.findAll(ids).forEach(r -> found.put(r.id(), view(r)));
    return found;
  }

  /** The stored row, for serving the bytes. */
  public Optional<MediaRow> row(UUID id) {
    return rows.find(id);
  }

  public KeysetPage<MediaView> byOwner(UUID ownerId, String after, int size) {
    int limit = Math.max(1, Math.min(size, MAX_PAGE));
    List<MediaView> views =
        rows.byOwner(ownerId, Cursor.decode(after).orElse(null), limit + 1).stream()
            .map(MediaService::view)
            .toList();
    return KeysetPage.of(views, limit, v -> new Cursor(v.createdAt(), v.id()));
  }

  static MediaView view(MediaRow row) {
    return new MediaView(
        row.id(),
        row.ownerId(),
        row.kind(),
        row.contentType(),
        row.sizeBytes(),
        row.originalName(),
        row.width(),
        row.height(),
        row.createdAt(),
        row.kind() == MediaKind.IMAGE ? "/media/i/" + row.id() : null);
  }

  /**
   * Size and thumbnails of a stored image; WebP (which ImageIO cannot read) keeps its size only.
   */
  private Optional<Processed> readImage(String key, byte[] head) throws IOException {
    Optional<int[]> webp = MediaSniffer.webpSize(head);
    if (webp.isPresent()) {
      return Optional.of(new Processed(webp.get()[0], webp.get()[1], java.util.Map.of()));
    }
    Optional<Blob> blob = store.get(key);
    if (blob.isEmpty()) {
      throw new IOException("The stored image " + key + " is gone");
    }
    try (InputStream in = blob.get().content()) {
      return MediaImages.process(in);
    }
  }

  private void removeQuietly(List<String> keys, Exception cause) {
    for (String key : keys) {
      try {
        store.delete(key);
      } catch (IOException | RuntimeException e) {
        cause.addSuppressed(e);
        log.warn("Could not remove {} after a failed upload; it is an orphan now", key, e);
      }
    }
  }
}
