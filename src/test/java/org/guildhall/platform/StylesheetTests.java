package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The stylesheet's blocks are closed: one missing brace puts every later rule inside the block
 * before it (once, merged work ended up inside {@code @media print} and vanished from screens).
 */
class StylesheetTests {

  @Test
  void everyBlockOfTheStylesheetIsClosedAndNoneIsClosedTwice() throws IOException {
    String css =
        new ClassPathResource("static/css/guildhall.css")
            .getContentAsString(StandardCharsets.UTF_8)
            .replaceAll("(?s)/\\*.*?\\*/", "")
            .replaceAll("\"[^\"\\n]*\"", "\"\"");
    int depth = 0;
    int line = 1;
    for (char c : css.toCharArray()) {
      if (c == '\n') {
        line++;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        assertThat(depth).as("a block closed twice near line %d", line).isGreaterThanOrEqualTo(0);
      }
    }
    assertThat(depth).as("blocks left open at the end").isZero();
  }
}
