package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;

/** CSRF tokens: unguessable, unique, kept in a locked-down cookie and read back from it. */
class CsrfTokensTests {

  final CsrfTokens tokens = new CsrfTokens(true);

  @Test
  void tokensAre216RandomBitsAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      CsrfToken token = tokens.generateToken(new MockHttpServletRequest());
      assertThat(token.getToken()).matches("[A-Za-z0-9_-]{36}");
      assertThat(token.getHeaderName()).isEqualTo("X-CSRF-TOKEN");
      assertThat(token.getParameterName()).isEqualTo("_csrf");
      assertThat(seen.add(token.getToken())).as("token %d is new", i).isTrue();
    }
  }

  @Test
  void theTokenTravelsInAnHttpOnlySameSiteCookieAndIsReadBack() {
    CsrfToken token = tokens.generateToken(new MockHttpServletRequest());
    MockHttpServletResponse response = new MockHttpServletResponse();
    tokens.saveToken(token, new MockHttpServletRequest(), response);

    Cookie cookie = response.getCookie("GUILDHALL_CSRF");
    assertThat(cookie).isNotNull();
    assertThat(cookie.getValue()).isEqualTo(token.getToken());
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSecure()).isTrue();
    assertThat(cookie.getAttribute("SameSite")).isEqualTo("Lax");

    MockHttpServletRequest next = new MockHttpServletRequest();
    next.setCookies(new Cookie("GUILDHALL_CSRF", token.getToken()));
    assertThat(tokens.loadToken(next).getToken()).isEqualTo(token.getToken());
    assertThat(tokens.loadToken(new MockHttpServletRequest())).isNull();
  }

  @Test
  void theStripedGeneratorFillsWholeBuffersFromEveryThread() throws Exception {
    byte[][] results = new byte[4][];
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      int slot = t;
      threads[t] =
          new Thread(
              () -> {
                byte[] bytes = new byte[64];
                CsrfTokens.RANDOM.nextBytes(bytes);
                results[slot] = bytes;
              });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Set<String> distinct = new HashSet<>();
    for (byte[] bytes : results) {
      assertThat(bytes).isNotEqualTo(new byte[64]);
      distinct.add(java.util.HexFormat.of().formatHex(bytes));
    }
    assertThat(distinct).hasSize(4);
    assertThat(CsrfTokens.RANDOM.getAlgorithm()).isEqualTo("DRBG");
  }
}
