package org.guildhall.content.internal;

import java.util.Map;
import org.guildhall.content.MediaKind;
import org.guildhall.platform.DomainException;
import org.springframework.http.HttpStatus;

/**
 * An upload the media library does not take, with the message shown next to the {@code file} field:
 * 413 for one over its kind's limit (or over the request limit), 415 for a type it does not accept.
 */
public final class MediaRefused extends DomainException {

  static final String FIELD = "file";

  private MediaRefused(HttpStatus status, String code, String messageKey, Object... args) {
    super(status, code, Map.of(FIELD, messageKey), args);
  }

  /** Over the limit for its kind, which is {@code maxMb} MB. */
  public static MediaRefused tooLarge(MediaKind kind, long maxMb) {
    return new MediaRefused(
        HttpStatus.CONTENT_TOO_LARGE,
        "media-too-large",
        "validation.media.too-large." + kind.code(),
        maxMb);
  }

  /** Over the limit of any upload request, {@code maxMb} MB, before its kind could be seen. */
  public static MediaRefused tooLargeForAnyKind(long maxMb) {
    return new MediaRefused(
        HttpStatus.CONTENT_TOO_LARGE, "media-too-large", "validation.media.too-large.any", maxMb);
  }

  /** Not one of the accepted types, whatever its name says. */
  public static MediaRefused unsupportedType() {
    return new MediaRefused(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-unsupported", "validation.media.type");
  }
}
