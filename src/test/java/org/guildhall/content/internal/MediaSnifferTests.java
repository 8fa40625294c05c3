package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.guildhall.content.MediaKind;
import org.guildhall.content.MediaSamples;
import org.guildhall.content.internal.MediaSniffer.Sniffed;
import org.junit.jupiter.api.Test;

/** Types are recognised from the first bytes alone. */
class MediaSnifferTests {

  static Optional<Sniffed> sniff(byte[] bytes) {
    return MediaSniffer.sniff(Arrays.copyOf(bytes, Math.min(bytes.length, MediaSniffer.HEAD)));
  }

  static void recognises(byte[] bytes, MediaKind kind, String type) {
    assertThat(sniff(bytes))
        .as(type)
        .hasValueSatisfying(
            s -> {
              assertThat(s.kind()).isEqualTo(kind);
              assertThat(s.contentType()).isEqualTo(type);
            });
  }

  @Test
  void recognisesEveryAcceptedType() {
    recognises(MediaSamples.png(4, 4), MediaKind.IMAGE, "image/png");
    recognises(MediaSamples.jpeg(4, 4), MediaKind.IMAGE, "image/jpeg");
    recognises(MediaSamples.gif(4, 4), MediaKind.IMAGE, "image/gif");
    recognises(MediaSamples.webp(4, 4), MediaKind.IMAGE, "image/webp");
    recognises(MediaSamples.mp3(100), MediaKind.AUDIO, "audio/mpeg");
    recognises(MediaSamples.mp3Frames(100), MediaKind.AUDIO, "audio/mpeg");
    recognises(MediaSamples.m4a(100), MediaKind.AUDIO, "audio/mp4");
    recognises(MediaSamples.ogg(100), MediaKind.AUDIO, "audio/ogg");
    recognises(MediaSamples.mp4(100), MediaKind.VIDEO, "video/mp4");
    recognises(MediaSamples.webm(100), MediaKind.VIDEO, "video/webm");
    recognises(MediaSamples.pdf(100), MediaKind.FILE, "application/pdf");
    recognises(MediaSamples.zip(100), MediaKind.FILE, "application/zip");
  }

  @Test
  void refusesWhatItDoesNotKnowWhateverTheName() {
    assertThat(sniff(MediaSamples.html())).isEmpty();
    assertThat(sniff(MediaSamples.text(100))).isEmpty();
    assertThat(
            sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(sniff(new byte[0])).isEmpty();
    assertThat(sniff(new byte[] {(byte) 0xFF})).isEmpty();
  }

  @Test
  void otherIsoMediaAndMatroskaAreNotAccepted() {
    byte[] heic = MediaSamples.mp4(64);
    System.arraycopy("heic".getBytes(StandardCharsets.US_ASCII), 0, heic, 8, 4);
    assertThat(sniff(heic)).as("HEIC image").isEmpty();
    byte[] quicktime = MediaSamples.mp4(64);
    System.arraycopy("qt  ".getBytes(StandardCharsets.US_ASCII), 0, quicktime, 8, 4);
    assertThat(sniff(quicktime)).as("QuickTime").isEmpty();
    byte[] matroska = MediaSamples.webm(64);
    System.arraycopy("mkv_".getBytes(StandardCharsets.US_ASCII), 0, matroska, 8, 4);
    assertThat(sniff(matroska)).as("Matroska").isEmpty();
  }

  @Test
  void anMpegSyncWithReservedBitsIsNotAudio() {
    byte[] bad = MediaSamples.mp3Frames(64);
    bad[2] = (byte) 0xF0; // bitrate index 1111 is invalid
    assertThat(sniff(bad)).isEmpty();
  }

  @Test
  void readsTheSizeOfAWebp() {
    assertThat(MediaSniffer.webpSize(MediaSamples.webp(1200, 800)))
        .hasValueSatisfying(size -> assertThat(size).containsExactly(1200, 800));
    assertThat(MediaSniffer.webpSize(MediaSamples.png(4, 4))).isEmpty();
  }
}
