package org.guildhall.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * CSRF tokens kept in a cookie (so that an anonymous page view creates no session), made from
 * {@link #RANDOM} instead of {@code UUID.randomUUID()}.
 *
 * <p>Every page renders a token (htmx sends it with each request), so every anonymous page view
 * makes a new one and masks it. With the JDK's default generator both go through one process-wide
 * lock ({@code NativePRNG}); under 64 concurrent visitors on two cores the requests queued there.
 * {@link #RANDOM} spreads them over several independently seeded DRBG generators.
 */
final class CsrfTokens implements CsrfTokenRepository {

  static final String COOKIE = "GUILDHALL_CSRF";
  static final String HEADER = "X-CSRF-TOKEN";
  static final String PARAMETER = "_csrf";

  /** Shared by the token repository and the masking handler. */
  static final SecureRandom RANDOM = new StripedSecureRandom(16);

  private final CookieCsrfTokenRepository cookies;

  CsrfTokens(boolean secureCookie) {
    this.cookies = new CookieCsrfTokenRepository();
    cookies.setCookieName(COOKIE);
    cookies.setHeaderName(HEADER);
    cookies.setParameterName(PARAMETER);
    cookies.setCookieCustomizer(
        cookie -> cookie.sameSite("Lax").secure(secureCookie).httpOnly(true));
  }

  /**
   * 27 random bytes, base64url: 216 bits (the UUID it replaces had 122) in 36 characters, the
   * UUID's length, so that the masked form in pages is 96 characters with no {@code =} padding.
   */
  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    byte[] bytes = new byte[27];
    RANDOM.nextBytes(bytes);
    return new DefaultCsrfToken(
        HEADER, PARAMETER, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    cookies.saveToken(token, request, response);
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return cookies.loadToken(request);
  }

  /** Spring Security's default masking of the token in pages (BREACH), with {@link #RANDOM}. */
  static XorCsrfTokenRequestAttributeHandler requestHandler() {
    XorCsrfTokenRequestAttributeHandler handler = new XorCsrfTokenRequestAttributeHandler();
    handler.setSecureRandom(RANDOM);
    return handler;
  }

  /**
   * A {@link SecureRandom} over several DRBG instances, one picked by the calling thread: each
   * instance has its own lock and its own seed from the system's entropy source.
   */
  static final class StripedSecureRandom extends SecureRandom {

    private final SecureRandom[] stripes;

    StripedSecureRandom(int count) {
      stripes = new SecureRandom[count];
      for (int i = 0; i < count; i++) {
        try {
          stripes[i] = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
          stripes[i] = new SecureRandom();
        }
      }
    }

    @Override
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() is JDK 19+; we build for 17
    public void nextBytes(byte[] bytes) {
      stripes[(int) (Thread.currentThread().getId() % stripes.length)].nextBytes(bytes);
    }

    @Override
    public String getAlgorithm() {
      return stripes[0].getAlgorithm();
    }
  }
}
