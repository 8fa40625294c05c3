package org.guildhall.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guildhall.platform.InstallationSettings;
import org.guildhall.platform.ratelimit.RateLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in and registration attempts.
 *
 * <ul>
 *   <li>Per client address: every sign-in attempt counts ({@code sign-in-per-address-per-minute}).
 *   <li>Per account: only failed attempts count ({@code
 *       sign-in-failures-per-account-per-15-minutes}). When an account's failures are exhausted,
 *       attempts for it are refused — except from a browser that has signed in to that account
 *       before, which carries a signed device cookie. So an attacker guessing a real member's
 *       password cannot lock that member out of their own devices (the OWASP "device cookie"
 *       scheme).
 *   <li>Registration: per client address and per e-mail address.
 * </ul>
 */
@Component
class LoginThrottle {

  static final String DEVICE_COOKIE = "gh_device";

  private final RateLimiter limiter;
  private final InstallationSettings settings;
  private final String configuredSecret;
  private final int perAddressPerMinute;
  private final int failuresPerAccount;
  private final int registrationsPerAddress;
  private final boolean secureCookies;
  private volatile byte[] key;

  LoginThrottle(
      RateLimiter limiter,
      InstallationSettings settings,
      @Value("${guildhall.security.secret:}") String configuredSecret,
      @Value("${guildhall.rate-limit.sign-in-per-address-per-minute:20}") int perAddressPerMinute,
      @Value("${guildhall.rate-limit.sign-in-failures-per-account-per-15-minutes:10}")
          int failuresPerAccount,
      @Value("${guildhall.rate-limit.register-per-address-per-hour:10}")
          int registrationsPerAddress,
      @Value("${guildhall.security.secure-cookies:false}") boolean secureCookies) {
    this.limiter = limiter;
    this.settings = settings;
    this.configuredSecret = configuredSecret;
    this.perAddressPerMinute = perAddressPerMinute;
    this.failuresPerAccount = failuresPerAccount;
    this.registrationsPerAddress = registrationsPerAddress;
    this.secureCookies = secureCookies;
  }

  /** Called before a sign-in attempt is checked; false means refuse it without checking. */
  boolean allowSignIn(HttpServletRequest request, String rawEmail) {
    String email = Emails.normalize(rawEmail);
    if (!limiter.tryConsume(
        "sign-in:addr:" + request.getRemoteAddr(), perAddressPerMinute, Duration.ofMinutes(1))) {
      return false;
    }
    if (limiter.hasCapacity(failureKey(email), failuresPerAccount, Duration.ofMinutes(15))) {
      return true;
    }
    return hasDeviceCookie(request, email);
  }

  void recordFailure(String rawEmail) {
    limiter.tryConsume(
        failureKey(Emails.normalize(rawEmail)), failuresPerAccount, Duration.ofMinutes(15));
  }

  void recordSuccess(String rawEmail, HttpServletResponse response) {
    String email = Emails.normalize(rawEmail);
    limiter.reset(failureKey(email), failuresPerAccount, Duration.ofMinutes(15));
    Cookie cookie = new Cookie(DEVICE_COOKIE, sign(email));
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookies);
    cookie.setPath("/login");
    cookie.setMaxAge((int) Duration.ofDays(180).toSeconds());
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }

  boolean allowRegistration(HttpServletRequest request, String rawEmail) {
    return limiter.tryConsume(
            "register:addr:" + request.getRemoteAddr(),
            registrationsPerAddress,
            Duration.ofHours(1))
        && limiter.tryConsume(
            "register:email:" + Emails.normalize(rawEmail), 10, Duration.ofHours(1));
  }

  /**
   * How long a refused registration waits at most: both of its limits refill one attempt at a time
   * over the hour, so the slower one's interval is an upper bound (sent as Retry-After).
   */
  Duration registrationRetryAfter() {
    return Duration.ofHours(1).dividedBy(Math.max(1, Math.min(registrationsPerAddress, 10)));
  }

  private boolean hasDeviceCookie(HttpServletRequest request, String email) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    byte[] expected = sign(email).getBytes(StandardCharsets.US_ASCII);
    for (Cookie cookie : cookies) {
      if (DEVICE_COOKIE.equals(cookie.getName())
          && MessageDigest.isEqual(
              expected, cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static String failureKey(String email) {
    return "sign-in:fail:" + email;
  }

  private String sign(String email) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] digest = mac.doFinal(("device:" + email).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = key;
    if (k == null) {
      String secret =
          configuredSecret.isBlank()
              ? settings.secret("security.device-cookie-key")
              : configuredSecret;
      k = secret.getBytes(StandardCharsets.UTF_8);
      key = k;
    }
    return k;
  }
}
