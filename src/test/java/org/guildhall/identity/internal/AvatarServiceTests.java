package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.guildhall.identity.AvatarSamples;
import org.guildhall.platform.DomainException;
import org.junit.jupiter.api.Test;

/** Avatar checks that need no server: what is refused, and how much a picture may cost. */
class AvatarServiceTests {

  static AvatarService service() {
    return new AvatarService(null, null, null);
  }

  static String fieldMessage(Throwable e) {
    return ((DomainException) e).fieldErrors().get("avatar");
  }

  @Test
  void turnsAPictureIntoA256PixelSquareJpeg() throws Exception {
    byte[] jpeg = service().prepare(AvatarSamples.png(640, 480));
    BufferedImage out = ImageIO.read(new ByteArrayInputStream(jpeg));
    assertThat(out.getWidth()).isEqualTo(256);
    assertThat(out.getHeight()).isEqualTo(256);
    assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
    assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
  }

  @Test
  void refusesHtmlNamedLikeAPicture() {
    assertThatThrownBy(() -> service().prepare(AvatarSamples.htmlPretendingToBeAPng()))
        .isInstanceOf(AvatarService.UnsupportedType.class)
        .satisfies(e -> assertThat(fieldMessage(e)).isEqualTo("validation.avatar.type"));
  }

  @Test
  void refusesAnUploadOverTwoMegabytesBeforeLookingAtIt() {
    assertThatThrownBy(() -> service().prepare(new byte[20 * 1024 * 1024]))
        .isInstanceOf(AvatarService.TooLarge.class);
  }

  @Test
  void refusesAHeaderThatClaimsHugeDimensionsWithoutDecodingIt() {
    // 10^10 pixels of 16-bit RGBA would be 80 GB: judged by the header alone.
    byte[] bomb = AvatarSamples.pngBomb(100_000, 100_000, 1);
    assertThat(bomb.length).as("a tiny file").isLessThan(10_000);
    assertThatThrownBy(() -> service().prepare(bomb))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(fieldMessage(e)).isEqualTo("validation.avatar.dimensions"));
  }

  @Test
  void refusesTooManyPixelsEvenWithinTheSideLimit() {
    // 8000 × 6000 = 48 megapixels: each side is allowed, the total is not.
    assertThatThrownBy(() -> service().prepare(AvatarSamples.pngBomb(8000, 6000, 1)))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(fieldMessage(e)).isEqualTo("validation.avatar.dimensions"));
  }

  @Test
  void decodesALargePictureAtReducedResolution() {
    // 6000 × 6000 16-bit RGBA unpacks to 288 MB; decoded with subsampling it stays small.
    byte[] large = AvatarSamples.pngBomb(6000, 6000, 6000);
    assertThat(large.length).as("still a small upload").isLessThan((int) AvatarService.MAX_BYTES);
    BufferedImage decoded = AvatarService.decodeSquare(large);
    assertThat(decoded.getWidth()).isLessThanOrEqualTo(2 * AvatarService.DECODE_SIDE);
    assertThat(decoded.getHeight()).isLessThanOrEqualTo(2 * AvatarService.DECODE_SIDE);
    assertThat(decoded.getWidth()).isGreaterThanOrEqualTo(AvatarService.DECODE_SIDE);
  }

  @Test
  void refusesATruncatedPicture() {
    byte[] png = AvatarSamples.png(300, 300);
    byte[] truncated = java.util.Arrays.copyOf(png, 60);
    assertThatThrownBy(() -> service().prepare(truncated))
        .isInstanceOf(DomainException.class)
        .satisfies(e -> assertThat(fieldMessage(e)).isEqualTo("validation.avatar.unreadable"));
  }
}
