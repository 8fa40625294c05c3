package org.guildhall.content.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.UUID;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaView;
import org.guildhall.content.internal.MediaLimits;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The media library over JSON, for experts and the owner: upload (multipart field {@code file}) and
 * list one's own uploads. Refusals are problem details with the message on field {@code file}: 415
 * for a type not accepted, 413 for a file over its kind's limit, 422 for a missing or empty file.
 */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Media", description = "Uploaded images, audio, video and files")
class MediaRestController {

  static final int MAX_PAGE = 100;

  private final MediaApi media;
  private final MediaLimits limits;

  MediaRestController(MediaApi media, MediaLimits limits) {
    this.media = media;
    this.limits = limits;
  }

  @PostMapping
  @Operation(
      summary = "Upload a file",
      description =
          "multipart/form-data with the file in field `file`. The type is recognised from the"
              + " bytes: PNG, JPEG, GIF, WebP, MP3, M4A, Ogg, MP4, WebM, PDF or ZIP.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = "multipart/form-data",
              schemaProperties =
                  @SchemaProperty(
                      name = Uploads.FIELD,
                      schema = @Schema(type = "string", format = "binary"))))
  ResponseEntity<MediaView> upload(
      @AuthenticationPrincipal AuthenticatedAccount me, HttpServletRequest request) {
    MediaView view = Uploads.store(request, me.accountId(), media, limits);
    return ResponseEntity.created(URI.create("/api/v1/media/" + view.id())).body(view);
  }

  @GetMapping
  @Operation(summary = "My uploads, newest first (keyset pages)")
  KeysetPage<MediaView> mine(
      @AuthenticationPrincipal AuthenticatedAccount me,
      @RequestParam(name = "after", required = false) String after,
      @RequestParam(name = "size", defaultValue = "20") int size) {
    return media.listByOwner(me.accountId(), after, Math.max(1, Math.min(size, MAX_PAGE)));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One of my uploads")
  MediaView one(@AuthenticationPrincipal AuthenticatedAccount me, @PathVariable UUID id) {
    return media
        .find(id)
        .filter(view -> view.ownerId().equals(me.accountId()))
        .orElseThrow(() -> DomainException.notFound("media-not-found"));
  }
}
