package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Upload names are kept only in a cleaned form. */
class MediaNamesTests {

  @Test
  void dropsDirectories() {
    assertThat(MediaNames.clean("C:\\Users\\me\\lesson 1.mp4", "mp4")).isEqualTo("lesson 1.mp4");
    assertThat(MediaNames.clean("../../etc/passwd", "pdf")).isEqualTo("passwd");
  }

  @Test
  void dropsControlAndInvisibleCharactersAndFoldsSpaces() {
    assertThat(MediaNames.clean("a\u0000b\nc\td.pdf", "pdf")).isEqualTo("ab c d.pdf");
    // a right-to-left override would show "evil‮fdp.exe" as "evilexe.pdf"
    assertThat(MediaNames.clean("evil\u202Efdp.exe", "pdf")).isEqualTo("evilfdp.exe");
    assertThat(MediaNames.clean("  spaced   out  .png ", "png")).isEqualTo("spaced out .png");
    assertThat(MediaNames.clean("课程 第一讲.mp3", "mp3")).isEqualTo("课程 第一讲.mp3");
  }

  @Test
  void namesNothingUsefulAfterTheKind() {
    assertThat(MediaNames.clean(null, "png")).isEqualTo("upload.png");
    assertThat(MediaNames.clean("/", "pdf")).isEqualTo("upload.pdf");
    assertThat(MediaNames.clean("..", "zip")).isEqualTo("upload.zip");
  }

  @Test
  void shortensLongNamesKeepingTheExtension() {
    String name = MediaNames.clean("x".repeat(400) + ".pdf", "pdf");
    assertThat(name).hasSize(MediaNames.MAX_LENGTH).endsWith("x.pdf");
    String emoji = MediaNames.clean("😀".repeat(200) + ".png", "png");
    assertThat(emoji.length()).isLessThanOrEqualTo(MediaNames.MAX_LENGTH);
    assertThat(emoji).endsWith(".png");
    assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 5))).isFalse();
  }
}
