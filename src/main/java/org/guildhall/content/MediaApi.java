package org.guildhall.content;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.internal.MediaLimits;
import org.guildhall.content.internal.MediaService;
import org.guildhall.content.internal.MediaSigner;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.stereotype.Service;

/**
 * Uploaded media: images, audio, video and attachments. Uploads are recognised by their bytes,
 * limited in size per kind and stored (local disk or an S3-compatible bucket) before they are
 * recorded, so a refused or failed upload leaves nothing behind. Images are public; audio, video
 * and files are served only through signed links that expire, which callers hand out after their
 * own access check (the membership module's access policy).
 */
@Service
public class MediaApi {

  /** Widths of the JPEG thumbnails made for every image the server can read. */
  public static final int THUMB_SMALL = 320;

  public static final int THUMB_LARGE = 960;

  private final MediaService media;
  private final MediaSigner signer;
  private final MediaLimits limits;

  MediaApi(MediaService media, MediaSigner signer, MediaLimits limits) {
    this.media = media;
    this.signer = signer;
    this.limits = limits;
  }

  /**
   * Checks and stores an upload of {@code size} bytes read from {@code in} (which the caller
   * closes) for {@code ownerId}. The kind and type are sniffed from the bytes; {@code originalName}
   * is only kept (cleaned) as the name shown to people and {@code declaredType} (the browser's
   * claim) is not trusted at all.
   *
   * @throws org.guildhall.platform.DomainException 415 with a message on field {@code file} for a
   *     type that is not accepted, 413 for a file over its kind's limit, 422 for an empty one
   */
  public MediaView upload(
      UUID ownerId, String originalName, String declaredType, long size, InputStream in) {
    return media.upload(ownerId, originalName, declaredType, size, in);
  }

  public Optional<MediaView> find(UUID id) {
    return media.find(id);
  }

  /** The media with these ids that exist, by id: one statement however many ids. */
  public java.util.Map<UUID, MediaView> findAll(java.util.Collection<UUID> ids) {
    return media.findAll(ids);
  }

  /**
   * One page of an owner's uploads, newest first; {@code after} is the previous page's {@link
   * KeysetPage#next()} (null or blank for the first page).
   */
  public KeysetPage<MediaView> listByOwner(UUID ownerId, String after, int size) {
    return media.byOwner(ownerId, after, size);
  }

  /**
   * A link to the media that works for {@code ttl} and then answers 403: {@code
   * /media/s/{id}?exp=<epoch seconds>&sig=<HMAC>}. Give it out only to people allowed to see the
   * media; anyone holding it can fetch the file until it expires.
   */
  public String signedUrl(UUID mediaId, Duration ttl) {
    return signer.signedPath(mediaId, ttl);
  }

  /** The public address of an image: {@code /media/i/{id}} (other kinds are not served there). */
  public String publicUrl(UUID mediaId) {
    return "/media/i/" + mediaId;
  }

  /**
   * The public address of an image's thumbnail {@value #THUMB_SMALL} or {@value #THUMB_LARGE}
   * pixels wide (JPEG; the original for images the server cannot resize, such as WebP).
   */
  public String thumbnailUrl(UUID mediaId, int width) {
    if (width != THUMB_SMALL && width != THUMB_LARGE) {
      throw new IllegalArgumentException("Thumbnails are " + THUMB_SMALL + " or " + THUMB_LARGE);
    }
    return publicUrl(mediaId) + "?w=" + width;
  }

  /** The largest upload accepted for {@code kind}, in MB (for hints next to upload fields). */
  public long limitMb(MediaKind kind) {
    return limits.maxMb(kind);
  }
}
