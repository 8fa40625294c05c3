package org.guildhall.content.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whatever the name, the header stays one well-formed header. */
class ContentDispositionsTests {

  @Test
  void encodesTheRealNameAndGivesAnAsciiFallback() {
    assertThat(ContentDispositions.of("attachment", "讲义 第1课.pdf"))
        .isEqualTo(
            "attachment; filename=\"__ _1_.pdf\";"
                + " filename*=UTF-8''%E8%AE%B2%E4%B9%89%20%E7%AC%AC1%E8%AF%BE.pdf");
  }

  @Test
  void quotesAndSeparatorsCannotBreakOut() {
    String header = ContentDispositions.of("inline", "a\"; filename=evil.html;\\.mp4");
    assertThat(header)
        .startsWith("inline; filename=\"a__ filename=evil.html__.mp4\"; filename*=UTF-8''")
        .doesNotContain("\r")
        .doesNotContain("\n");
    assertThat(header.substring(header.indexOf("filename*=")))
        .doesNotContain("\"")
        .doesNotContain(";");
  }
}
