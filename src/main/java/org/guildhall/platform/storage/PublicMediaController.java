package org.guildhall.platform.storage;

import java.io.IOException;
import java.time.Duration;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves public media (avatars). Keys are unique per upload, so responses are cached for a year.
 * Paid media is never served here; it goes through signed URLs.
 */
@Controller
class PublicMediaController {

  private final BlobStore store;

  PublicMediaController(BlobStore store) {
    this.store = store;
  }

  @GetMapping("/media/avatars/{file:[A-Za-z0-9-]+\\.jpg}")
  ResponseEntity<InputStreamResource> avatar(@PathVariable String file) throws IOException {
    return store
        .get("avatars/" + file)
        .map(
            blob ->
                ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_JPEG)
                    .contentLength(blob.length())
                    .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                    .header("X-Content-Type-Options", "nosniff")
                    .body(new InputStreamResource(blob.content())))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
