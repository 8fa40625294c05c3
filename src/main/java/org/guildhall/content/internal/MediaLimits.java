package org.guildhall.content.internal;

import java.util.EnumMap;
import java.util.Map;
import org.guildhall.content.MediaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The largest upload of each kind, in MB: {@code guildhall.media.max-image-mb} (10), {@code
 * max-audio-mb} (200), {@code max-video-mb} (1024), {@code max-file-mb} (100). An upload larger
 * than {@code spring.servlet.multipart.max-file-size} is refused before any of these apply, so that
 * must be at least the largest of them.
 */
@Component
public class MediaLimits {

  private static final Logger log = LoggerFactory.getLogger(MediaLimits.class);
  private static final long MB = 1024L * 1024L;

  private final Map<MediaKind, Long> megabytes = new EnumMap<>(MediaKind.class);
  private final long multipartBytes;

  MediaLimits(
      @Value("${guildhall.media.max-image-mb:10}") long image,
      @Value("${guildhall.media.max-audio-mb:200}") long audio,
      @Value("${guildhall.media.max-video-mb:1024}") long video,
      @Value("${guildhall.media.max-file-mb:100}") long file,
      @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize multipart) {
    megabytes.put(MediaKind.IMAGE, positive(image, "image"));
    megabytes.put(MediaKind.AUDIO, positive(audio, "audio"));
    megabytes.put(MediaKind.VIDEO, positive(video, "video"));
    megabytes.put(MediaKind.FILE, positive(file, "file"));
    this.multipartBytes = multipart.toBytes();
    long largest = megabytes.values().stream().mapToLong(Long::longValue).max().orElse(0) * MB;
    if (multipartBytes >= 0 && multipartBytes < largest) {
      log.warn(
          "spring.servlet.multipart.max-file-size ({} bytes) is below the largest media limit ({}"
              + " bytes): larger uploads are refused with the general limit",
          multipartBytes,
          largest);
    }
  }

  public long maxMb(MediaKind kind) {
    return megabytes.get(kind);
  }

  public long maxBytes(MediaKind kind) {
    return megabytes.get(kind) * MB;
  }

  /** The limit of any upload request, from the multipart settings, in whole MB (at least 1). */
  public long multipartMb() {
    return multipartBytes < 0 ? Long.MAX_VALUE / MB : Math.max(1, multipartBytes / MB);
  }

  private static long positive(long value, String name) {
    if (value < 1) {
      throw new IllegalStateException("guildhall.media.max-" + name + "-mb must be at least 1");
    }
    return value;
  }
}
