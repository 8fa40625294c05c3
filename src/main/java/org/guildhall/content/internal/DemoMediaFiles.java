package org.guildhall.content.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.jcodec.api.awt.AWTSequenceEncoder;

/**
 * The demo's audio and video, made when the demo is seeded, in pure Java: MP3 (a short two-voice
 * melody, encoded by jump3r) and H.264 MP4 (a title card with a progress bar and a clock, encoded
 * by jcodec). Small (tens to a few hundred KB), real files that browsers play and seek.
 */
final class DemoMediaFiles {

  private static final int RATE = 22050;
  private static final int WIDTH = 480;
  private static final int HEIGHT = 270;
  private static final int FPS = 10;

  private DemoMediaFiles() {}

  /** An MP3 of {@code seconds} playing the notes (Hz) in turn, with a soft fifth under them. */
  static byte[] melody(int seconds, double... notes) {
    int samples = RATE * seconds;
    byte[] pcm = new byte[samples * 2];
    double step = (double) samples / notes.length;
    for (int i = 0; i < samples; i++) {
      double t = (double) i / RATE;
      double note = notes[Math.min(notes.length - 1, (int) (i / step))];
      double inNote = (i % step) / RATE;
      double envelope =
          Math.min(1, inNote * 20) * Math.exp(-inNote * 1.2) * Math.min(1, (seconds - t) * 2);
      double value =
          0.22 * envelope * Math.sin(2 * Math.PI * note * t)
              + 0.08 * Math.sin(2 * Math.PI * note * 1.5 * t) * envelope;
      short s = (short) (Math.max(-1, Math.min(1, value)) * 32767);
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    try {
      Path wav = Files.createTempFile("demo-", ".wav");
      Path mp3 = Files.createTempFile("demo-", ".mp3");
      try {
        AudioSystem.write(
            new AudioInputStream(
                new ByteArrayInputStream(pcm), new AudioFormat(RATE, 16, 1, true, false), samples),
            AudioFileFormat.Type.WAVE,
            wav.toFile());
        new de.sciss.jump3r.Main()
            .run(new String[] {"-b", "32", "-m", "m", "--quiet", wav.toString(), mp3.toString()});
        return Files.readAllBytes(mp3);
      } finally {
        Files.deleteIfExists(wav);
        Files.deleteIfExists(mp3);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not make demo audio", e);
    }
  }

  /** An MP4 of {@code seconds}: a title card in the accent colour, a progress bar and a clock. */
  static byte[] titleCard(String title, String subtitle, Color accent, int seconds) {
    try {
      Path mp4 = Files.createTempFile("demo-", ".mp4");
      try {
        AWTSequenceEncoder encoder = AWTSequenceEncoder.createSequenceEncoder(mp4.toFile(), FPS);
        int frames = seconds * FPS;
        for (int i = 0; i < frames; i++) {
          encoder.encodeImage(frame(title, subtitle, accent, i, frames));
        }
        encoder.finish();
        return Files.readAllBytes(mp4);
      } finally {
        Files.deleteIfExists(mp4);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not make demo video", e);
    }
  }

  private static BufferedImage frame(
      String title, String subtitle, Color accent, int index, int frames) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(22, 26, 46));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(accent);
    g.fillRect(0, 0, WIDTH * (index + 1) / frames, 6);
    g.fillOval(WIDTH / 2 - 14, 70, 28, 28);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
    center(g, title, 150);
    g.setColor(new Color(200, 204, 220));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
    center(g, subtitle, 185);
    int second = index / FPS;
    center(g, String.format("0:%02d", second), 235);
    g.dispose();
    return image;
  }

  private static void center(Graphics2D g, String text, int y) {
    int width = g.getFontMetrics().stringWidth(text);
    g.drawString(text, (WIDTH - width) / 2, y);
  }
}
