package org.guildhall.content;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small files of each accepted type (and some that are not), built in memory for tests. */
public final class MediaSamples {

  private MediaSamples() {}

  public static byte[] png(int width, int height) {
    return image("png", width, height);
  }

  public static byte[] jpeg(int width, int height) {
    return image("jpg", width, height);
  }

  public static byte[] gif(int width, int height) {
    return image("gif", width, height);
  }

  /** An extended-format WebP header with the canvas size; enough for sniffing and serving. */
  public static byte[] webp(int width, int height) {
    byte[] b = withHead(64, 1, "RIFF");
    put(b, 8, "WEBPVP8X");
    b[24] = (byte) (width - 1);
    b[25] = (byte) ((width - 1) >> 8);
    b[26] = (byte) ((width - 1) >> 16);
    b[27] = (byte) (height - 1);
    b[28] = (byte) ((height - 1) >> 8);
    b[29] = (byte) ((height - 1) >> 16);
    return b;
  }

  public static byte[] mp3(int size) {
    return withHead(size, 2, "ID3");
  }

  /** MPEG-1 layer III frame header without an ID3 tag. */
  public static byte[] mp3Frames(int size) {
    byte[] b = random(size, 3);
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xFB;
    b[2] = (byte) 0x90;
    b[3] = (byte) 0x64;
    return b;
  }

  public static byte[] m4a(int size) {
    return isoMedia(size, "M4A ");
  }

  public static byte[] mp4(int size) {
    return isoMedia(size, "isom");
  }

  public static byte[] ogg(int size) {
    return withHead(size, 4, "OggS");
  }

  public static byte[] webm(int size) {
    byte[] b = random(size, 5);
    b[0] = 0x1A;
    b[1] = 0x45;
    b[2] = (byte) 0xDF;
    b[3] = (byte) 0xA3;
    put(b, 4, "\u0093\u0042\u0082\u0084webm");
    return b;
  }

  public static byte[] pdf(int size) {
    return withHead(size, 6, "%PDF-1.7\n");
  }

  public static byte[] zip(int size) {
    byte[] b = random(size, 7);
    put(b, 0, "PK\u0003\u0004");
    return b;
  }

  public static byte[] html() {
    return "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] text(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    return b;
  }

  private static byte[] isoMedia(int size, String brand) {
    byte[] b = random(size, 8);
    b[0] = 0;
    b[1] = 0;
    b[2] = 0;
    b[3] = 0x20;
    put(b, 4, "ftyp" + brand);
    return b;
  }

  private static byte[] withHead(int size, long seed, String head) {
    byte[] b = random(size, seed);
    put(b, 0, head);
    return b;
  }

  private static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static void put(byte[] b, int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      b[at + i] = (byte) ascii.charAt(i);
    }
  }

  private static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x4338CA), width, height, new Color(0xF59E0B)));
    g.fillRect(0, 0, width, height);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
