package org.guildhall.content.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaView;
import org.guildhall.content.internal.MediaLimits;
import org.guildhall.content.internal.MediaRefused;
import org.guildhall.platform.DomainException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Takes the multipart field {@code file} of an upload request into the media library. Multipart
 * requests are parsed lazily ({@code spring.servlet.multipart.resolve-lazily}), so a request over
 * the general upload limit is noticed here and refused like any other oversized file: 413 with the
 * message on the field.
 */
final class Uploads {

  static final String FIELD = "file";

  private Uploads() {}

  static MediaView store(
      HttpServletRequest request, UUID ownerId, MediaApi media, MediaLimits limits) {
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (multipart == null) {
      throw DomainException.invalidField(FIELD, "validation.media.required");
    }
    MultipartFile file;
    try {
      file = multipart.getFile(FIELD);
    } catch (MaxUploadSizeExceededException e) {
      throw MediaRefused.tooLargeForAnyKind(limits.multipartMb());
    } catch (MultipartException e) {
      throw DomainException.invalidField(FIELD, "validation.media.required");
    }
    if (file == null) {
      throw DomainException.invalidField(FIELD, "validation.media.required");
    }
    try (InputStream in = file.getInputStream()) {
      return media.upload(
          ownerId, file.getOriginalFilename(), file.getContentType(), file.getSize(), in);
    } catch (IOException e) {
      throw new IllegalStateException("Could not read the uploaded file", e);
    }
  }
}
