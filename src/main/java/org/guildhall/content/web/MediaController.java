package org.guildhall.content.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.content.MediaApi;
import org.guildhall.content.MediaKind;
import org.guildhall.content.internal.MediaRow;
import org.guildhall.content.internal.MediaService;
import org.guildhall.content.internal.MediaSigner;
import org.guildhall.platform.storage.BlobStore;
import org.guildhall.platform.storage.BlobStore.Blob;
import org.guildhall.platform.web.Ctx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Serves media bytes, streamed from the blob store with single byte ranges (seeking in players,
 * resumed downloads) and HEAD.
 *
 * <ul>
 *   <li>{@code /media/i/{id}} (and {@code ?w=320|960} for a JPEG thumbnail): images only, public,
 *       cached for a year as immutable (an id's bytes never change).
 *   <li>{@code /media/s/{id}?exp=…&sig=…}: any media, only with a valid unexpired signature
 *       (otherwise 403 and a short text, never the bytes), cached privately for no longer than the
 *       link lives. Files download as attachments; audio and video play inline.
 * </ul>
 */
@Controller
class MediaController {

  private static final Logger log = LoggerFactory.getLogger(MediaController.class);
  private static final int BUFFER = 64 * 1024;

  private final MediaService media;
  private final MediaSigner signer;
  private final BlobStore store;

  MediaController(MediaService media, MediaSigner signer, BlobStore store) {
    this.media = media;
    this.signer = signer;
    this.store = store;
  }

  /** What to send: a stored object, its type and size, and how to describe it. */
  private record Target(
      String key, String contentType, long size, String etag, String disposition, String name) {}

  @RequestMapping(
      value = "/media/i/{id}",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void image(
      @ModelAttribute(name = "ctx", binding = false) Ctx ctx,
      @PathVariable String id,
      @RequestParam(name = "w", required = false) String width,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    Optional<MediaRow> found = parse(id).flatMap(media::row);
    if (found.isEmpty() || found.get().kind() != MediaKind.IMAGE) {
      plain(request, response, HttpServletResponse.SC_NOT_FOUND, ctx.msg("error.404.title"));
      return;
    }
    MediaRow row = found.get();
    Target target =
        new Target(
            row.storageKey(),
            row.contentType(),
            row.sizeBytes(),
            "\"" + row.id() + "\"",
            "inline",
            row.originalName());
    int w = thumbnailWidth(width);
    if (w > 0 && row.thumbKey() != null) {
      String key = row.thumbnailKey(w);
      Optional<Long> size = store.size(key);
      if (size.isEmpty()) {
        plain(request, response, HttpServletResponse.SC_NOT_FOUND, ctx.msg("error.404.title"));
        return;
      }
      target =
          new Target(
              key,
              "image/jpeg",
              size.get(),
              "\"" + row.id() + "-" + w + "\"",
              "inline",
              thumbnailName(row.originalName(), w));
    }
    response.setHeader(
        "Cache-Control",
        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable().getHeaderValue());
    send(ctx, request, response, target);
  }

  @RequestMapping(
      value = "/media/s/{id}",
      method = {RequestMethod.GET, RequestMethod.HEAD})
  void signed(
      @ModelAttribute(name = "ctx", binding = false) Ctx ctx,
      @PathVariable String id,
      @RequestParam(name = "exp", required = false) String exp,
      @RequestParam(name = "sig", required = false) String sig,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (!signer.verify(id, exp, sig)) {
      response.setHeader("Cache-Control", "no-store");
      plain(request, response, HttpServletResponse.SC_FORBIDDEN, ctx.msg("media.link-invalid"));
      return;
    }
    Optional<MediaRow> found = parse(id).flatMap(media::row);
    if (found.isEmpty()) {
      plain(request, response, HttpServletResponse.SC_NOT_FOUND, ctx.msg("error.404.title"));
      return;
    }
    MediaRow row = found.get();
    response.setHeader(
        "Cache-Control",
        CacheControl.maxAge(Duration.ofSeconds(signer.secondsLeft(exp)))
            .cachePrivate()
            .getHeaderValue());
    send(
        ctx,
        request,
        response,
        new Target(
            row.storageKey(),
            row.contentType(),
            row.sizeBytes(),
            "\"" + row.id() + "\"",
            row.kind() == MediaKind.FILE ? "attachment" : "inline",
            row.originalName()));
  }

  private void send(
      Ctx ctx, HttpServletRequest request, HttpServletResponse response, Target target)
      throws IOException {
    response.setHeader("Accept-Ranges", "bytes");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("ETag", target.etag());
    ByteRange.Parsed parsed = ByteRange.parse(request.getHeader("Range"), target.size());
    String ifRange = request.getHeader("If-Range");
    if (ifRange != null && !ifRange.strip().equals(target.etag())) {
      parsed = ByteRange.Parsed.WHOLE; // the client's copy is another version: send it all
    }
    if (parsed.unsatisfiable()) {
      response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
      response.setHeader("Content-Range", "bytes */" + target.size());
      response.setContentLength(0);
      return;
    }
    long offset = parsed.range().map(ByteRange::first).orElse(0L);
    long length = parsed.range().map(ByteRange::length).orElse(target.size());
    boolean head = "HEAD".equals(request.getMethod());
    Blob blob = null;
    if (!head) {
      Optional<Blob> stored =
          parsed.range().isPresent()
              ? store.get(target.key(), offset, length)
              : store.get(target.key());
      if (stored.isEmpty()) {
        log.warn("Media bytes missing from the store: {}", target.key());
        plain(request, response, HttpServletResponse.SC_NOT_FOUND, ctx.msg("error.404.title"));
        return;
      }
      blob = stored.get();
    }
    if (parsed.range().isPresent()) {
      ByteRange range = parsed.range().get();
      response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
      response.setHeader(
          "Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + target.size());
    } else {
      response.setStatus(HttpServletResponse.SC_OK);
    }
    response.setContentType(target.contentType());
    response.setContentLengthLong(length);
    response.setHeader(
        "Content-Disposition", ContentDispositions.of(target.disposition(), target.name()));
    if (blob != null) {
      copy(blob, response, length, target.key());
    }
  }

  /** Streams the bytes; a client that goes away (a player seeking) is normal, not an error. */
  private static void copy(Blob blob, HttpServletResponse response, long length, String key)
      throws IOException {
    try (InputStream in = blob.content()) {
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[BUFFER];
      long remaining = length;
      while (remaining > 0) {
        int n;
        try {
          n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        } catch (IOException e) {
          log.warn("Reading {} from the store failed after {} bytes", key, length - remaining, e);
          return;
        }
        if (n < 0) {
          log.warn("{} ended {} bytes early", key, remaining);
          return;
        }
        try {
          out.write(buffer, 0, n);
        } catch (IOException clientGone) {
          log.debug("Client stopped reading {}", key);
          return;
        }
        remaining -= n;
      }
      try {
        out.flush();
      } catch (IOException clientGone) {
        log.debug("Client stopped reading {}", key);
      }
    }
  }

  private static void plain(
      HttpServletRequest request, HttpServletResponse response, int status, String text)
      throws IOException {
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }

  private static int thumbnailWidth(String width) {
    if (width == null) {
      return 0;
    }
    return switch (width) {
      case "320" -> MediaApi.THUMB_SMALL;
      case "960" -> MediaApi.THUMB_LARGE;
      default -> 0;
    };
  }

  private static String thumbnailName(String name, int width) {
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name) + "-" + width + ".jpg";
  }

  private static Optional<UUID> parse(String id) {
    try {
      UUID uuid = UUID.fromString(id);
      return uuid.toString().equals(id) ? Optional.of(uuid) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
