package org.guildhall.identity.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.guildhall.identity.AccountId;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.storage.BlobStore;
import org.springframework.stereotype.Service;

/**
 * Avatar pictures: PNG, JPEG or GIF up to 2 MB, 8000 pixels on a side and 40 megapixels, recognised
 * by their bytes (not the file name or the browser's claim), cropped to a square and scaled to 256
 * × 256 JPEG (which also drops any metadata, such as a photo's location). Decoding is bounded in
 * memory (see {@link #decodeSquare}). The new picture is stored before the account points to it,
 * and the old one removed after.
 */
@Service
public class AvatarService {

  public static final long MAX_BYTES = 2 * 1024 * 1024;
  private static final int SIZE = 256;
  static final int MAX_DIMENSION = 8000;
  static final long MAX_PIXELS = 40_000_000L;

  /** Pictures are decoded at no more than about twice this many pixels on a side. */
  static final int DECODE_SIDE = 512;

  private final BlobStore store;
  private final AccountService accounts;
  private final AccountRepository repository;

  AvatarService(BlobStore store, AccountService accounts, AccountRepository repository) {
    this.store = store;
    this.accounts = accounts;
    this.repository = repository;
  }

  public void replace(AccountId id, byte[] upload) {
    install(id, prepare(upload));
  }

  /** The refusal of a picture over the limit: 413 with the message on the avatar field. */
  public static DomainException tooLarge() {
    return new TooLarge();
  }

  /** Refuses an upload over the limit before its bytes are read. */
  public void checkSize(long size) {
    if (size > MAX_BYTES) {
      throw tooLarge();
    }
  }

  /** Checks and converts an upload without storing anything; throws with a field message. */
  public byte[] prepare(byte[] upload) {
    checkSize(upload.length);
    if (!isSupportedImage(upload)) {
      throw new UnsupportedType();
    }
    return normalize(upload);
  }

  /** Stores a picture made by {@link #prepare} and points the account to it. */
  public void install(AccountId id, byte[] jpeg) {
    String key = "avatars/" + UUID.randomUUID() + ".jpg";
    try {
      store.put(key, jpeg, "image/jpeg");
    } catch (IOException e) {
      throw new IllegalStateException("Could not store avatar", e);
    }
    String old = repository.findById(id.value()).map(Account::avatarKey).orElse(null);
    accounts.changeAvatar(id, key);
    deleteQuietly(old);
  }

  public void remove(AccountId id) {
    String old = repository.findById(id.value()).map(Account::avatarKey).orElse(null);
    accounts.changeAvatar(id, null);
    deleteQuietly(old);
  }

  static boolean isSupportedImage(byte[] b) {
    boolean png =
        b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    boolean jpeg =
        b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    boolean gif = b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    return png || jpeg || gif;
  }

  private static byte[] normalize(byte[] upload) {
    BufferedImage square = decodeSquare(upload);
    BufferedImage out = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, SIZE, SIZE);
    g.drawImage(square, 0, 0, SIZE, SIZE, null);
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      ImageIO.write(out, "jpg", bytes);
    } catch (IOException e) {
      throw new IllegalStateException("Could not encode avatar", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes the centre square of the picture, never more than about {@code 2 × DECODE_SIDE} pixels
   * on a side whatever the picture's size: the dimensions are read from the header first (a file
   * that claims more than {@link #MAX_DIMENSION} pixels on a side or {@link #MAX_PIXELS} in all is
   * refused before any pixel is decoded), and large pictures are decoded with source subsampling,
   * so a small file that unpacks to gigabytes (a "decompression bomb") costs no more memory than a
   * modest photo.
   */
  static BufferedImage decodeSquare(byte[] upload) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw DomainException.invalidField("avatar", "validation.avatar.type");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width < 1
            || height < 1
            || width > MAX_DIMENSION
            || height > MAX_DIMENSION
            || (long) width * height > MAX_PIXELS) {
          throw DomainException.invalidField("avatar", "validation.avatar.dimensions");
        }
        int side = Math.min(width, height);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
        int step = Math.max(1, side / DECODE_SIDE);
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    } catch (DomainException e) {
      throw e;
    } catch (IOException | RuntimeException | OutOfMemoryError e) {
      throw DomainException.invalidField("avatar", "validation.avatar.unreadable");
    }
  }

  private void deleteQuietly(String key) {
    if (key != null) {
      try {
        store.delete(key);
      } catch (IOException | IllegalArgumentException ignored) {
        // an orphaned file wastes space but harms nobody
      }
    }
  }

  /** Not an image type we take: 415 with a field message. */
  static final class UnsupportedType extends DomainException {
    UnsupportedType() {
      super(
          org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "unsupported-media-type",
          java.util.Map.of("avatar", "validation.avatar.type"));
    }
  }

  /** Over the size limit: 413 with a field message. */
  static final class TooLarge extends DomainException {
    TooLarge() {
      super(
          org.springframework.http.HttpStatus.CONTENT_TOO_LARGE,
          "upload-too-large",
          java.util.Map.of("avatar", "validation.avatar.too-large"));
    }
  }
}
