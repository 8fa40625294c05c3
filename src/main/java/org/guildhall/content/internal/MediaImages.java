package org.guildhall.content.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.guildhall.content.MediaApi;

/**
 * Reads an uploaded image with the JDK's ImageIO (PNG, JPEG, GIF; not WebP) and makes JPEG
 * thumbnails {@value MediaApi#THUMB_SMALL} and {@value MediaApi#THUMB_LARGE} pixels wide (never
 * wider than the image). Large images are decoded with subsampling, so memory stays bounded; images
 * over 100 megapixels or 20,000 pixels on a side (which take long to decode) keep their size but
 * get no thumbnails.
 */
final class MediaImages {

  static final List<Integer> WIDTHS = List.of(MediaApi.THUMB_SMALL, MediaApi.THUMB_LARGE);
  private static final int MAX_SIDE = 20_000;
  private static final long MAX_SOURCE_PIXELS = 100_000_000L;
  private static final long MAX_DECODED_PIXELS = 16_000_000L;
  private static final float JPEG_QUALITY = 0.85f;

  /** An image's size and its thumbnails by width (empty if none could be made). */
  record Processed(int width, int height, Map<Integer, byte[]> thumbnails) {}

  private MediaImages() {}

  /** Empty if ImageIO cannot read the image at all. */
  static Optional<Processed> process(InputStream in) {
    try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
      if (stream == null) {
        return Optional.empty();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(stream, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1 || height < 1) {
          return Optional.empty();
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_SOURCE_PIXELS) {
          return Optional.of(new Processed(width, height, Map.of()));
        }
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height);
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image = reader.read(0, param);
        Map<Integer, byte[]> thumbnails = new LinkedHashMap<>();
        for (int target : WIDTHS) {
          int w = Math.min(target, width);
          int h = (int) Math.max(1, Math.round((double) height * w / width));
          thumbnails.put(target, jpeg(scale(image, w, h)));
        }
        return Optional.of(new Processed(width, height, thumbnails));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Every n-th pixel: enough left for the large thumbnail, never over the pixel budget. */
  private static int subsampling(int width, int height) {
    int step = Math.max(1, width / (2 * MediaApi.THUMB_LARGE));
    while ((long) (width / step) * (height / step) > MAX_DECODED_PIXELS) {
      step++;
    }
    return step;
  }

  /** Halves the picture while that stays above the target (sharper than one big step). */
  private static BufferedImage scale(BufferedImage source, int width, int height) {
    BufferedImage current = source;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
    }
    return draw(current, width, height);
  }

  private static BufferedImage draw(BufferedImage source, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
