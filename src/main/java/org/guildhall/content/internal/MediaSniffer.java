package org.guildhall.content.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.guildhall.content.MediaKind;

/**
 * Recognises an upload by its first bytes (magic numbers), never by its name or the browser's
 * claim: PNG, JPEG, GIF, WebP; MP3 (ID3 tag or MPEG audio frame), M4A (ISO media with the {@code
 * M4A } brand), Ogg; MP4 (ISO media with a video brand), WebM (EBML with DocType webm); PDF and
 * ZIP. Anything else, HTML and SVG included, is not recognised.
 */
final class MediaSniffer {

  /** How many leading bytes {@link #sniff} needs. */
  static final int HEAD = 64;

  private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ");
  private static final Set<String> VIDEO_BRANDS =
      Set.of(
          "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VH",
          "M4VP", "dash", "MSNV", "mmp4", "f4v ");

  /** A recognised file: its kind, the content type it is served with and a file extension. */
  record Sniffed(MediaKind kind, String contentType, String extension) {}

  private MediaSniffer() {}

  static Optional<Sniffed> sniff(byte[] b) {
    if (bytes(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return found(MediaKind.IMAGE, "image/png", "png");
    }
    if (bytes(b, 0, 0xFF, 0xD8, 0xFF)) {
      return found(MediaKind.IMAGE, "image/jpeg", "jpg");
    }
    if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) {
      return found(MediaKind.IMAGE, "image/gif", "gif");
    }
    if (ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
      return found(MediaKind.IMAGE, "image/webp", "webp");
    }
    if (ascii(b, 0, "%PDF-")) {
      return found(MediaKind.FILE, "application/pdf", "pdf");
    }
    if (bytes(b, 0, 'P', 'K', 0x03, 0x04)) {
      return found(MediaKind.FILE, "application/zip", "zip");
    }
    if (ascii(b, 0, "OggS")) {
      return found(MediaKind.AUDIO, "audio/ogg", "ogg");
    }
    if (bytes(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
      // EBML: WebM declares DocType "webm"; other Matroska files are not accepted
      return contains(b, "webm") ? found(MediaKind.VIDEO, "video/webm", "webm") : Optional.empty();
    }
    if (ascii(b, 4, "ftyp") && b.length >= 12) {
      String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
      if (AUDIO_BRANDS.contains(brand)) {
        return found(MediaKind.AUDIO, "audio/mp4", "m4a");
      }
      return VIDEO_BRANDS.contains(brand)
          ? found(MediaKind.VIDEO, "video/mp4", "mp4")
          : Optional.empty();
    }
    if (ascii(b, 0, "ID3") || mpegAudioFrame(b)) {
      return found(MediaKind.AUDIO, "audio/mpeg", "mp3");
    }
    return Optional.empty();
  }

  /**
   * Width and height from a WebP header (lossy, lossless or extended), which ImageIO cannot read.
   */
  static Optional<int[]> webpSize(byte[] b) {
    if (!ascii(b, 0, "RIFF") || !ascii(b, 8, "WEBP") || b.length < 30) {
      return Optional.empty();
    }
    if (ascii(b, 12, "VP8X")) {
      int width = 1 + (u(b, 24) | u(b, 25) << 8 | u(b, 26) << 16);
      int height = 1 + (u(b, 27) | u(b, 28) << 8 | u(b, 29) << 16);
      return Optional.of(new int[] {width, height});
    }
    if (ascii(b, 12, "VP8L") && u(b, 20) == 0x2F) {
      int bits = u(b, 21) | u(b, 22) << 8 | u(b, 23) << 16 | u(b, 24) << 24;
      return Optional.of(new int[] {1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF)});
    }
    if (ascii(b, 12, "VP8 ") && bytes(b, 23, 0x9D, 0x01, 0x2A)) {
      int width = (u(b, 26) | u(b, 27) << 8) & 0x3FFF;
      int height = (u(b, 28) | u(b, 29) << 8) & 0x3FFF;
      return Optional.of(new int[] {width, height});
    }
    return Optional.empty();
  }

  /** An MPEG audio frame header: 11 sync bits and no reserved version, layer, rate or bitrate. */
  private static boolean mpegAudioFrame(byte[] b) {
    if (b.length < 4 || u(b, 0) != 0xFF || (u(b, 1) & 0xE0) != 0xE0) {
      return false;
    }
    int version = (u(b, 1) >> 3) & 0x3;
    int layer = (u(b, 1) >> 1) & 0x3;
    int bitrate = (u(b, 2) >> 4) & 0xF;
    int sampleRate = (u(b, 2) >> 2) & 0x3;
    return version != 0x1 && layer != 0 && bitrate != 0xF && sampleRate != 0x3;
  }

  private static Optional<Sniffed> found(MediaKind kind, String type, String extension) {
    return Optional.of(new Sniffed(kind, type, extension));
  }

  private static int u(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  private static boolean bytes(byte[] b, int at, int... expected) {
    if (b.length < at + expected.length) {
      return false;
    }
    for (int i = 0; i < expected.length; i++) {
      if (u(b, at + i) != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] b, int at, String expected) {
    if (b.length < at + expected.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      if (b[at + i] != (byte) expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(byte[] b, String text) {
    for (int at = 0; at + text.length() <= b.length; at++) {
      if (ascii(b, at, text)) {
        return true;
      }
    }
    return false;
  }
}
