package org.guildhall.shared.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * A keyset position {@code (instant, id)} encoded as an opaque URL-safe string. Lists are ordered
 * by {@code (created_at DESC, id DESC)}; the next page starts strictly after the cursor.
 */
public record Cursor(Instant at, UUID id) {

  public String encode() {
    String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  /** Decodes a cursor; an absent or malformed one means "first page". */
  public static Optional<Cursor> decode(String encoded) {
    if (encoded == null || encoded.isBlank() || encoded.length() > 120) {
      return Optional.empty();
    }
    try {
      String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
      String[] parts = raw.split("\\.", 3);
      if (parts.length != 3) {
        return Optional.empty();
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      return Optional.of(new Cursor(at, UUID.fromString(parts[2])));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
