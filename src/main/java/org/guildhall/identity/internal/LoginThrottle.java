package org.guildhall.identity.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
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
 *       before, which carries a signed device cookie with a nonce of its own and has its own
 *       failure count of the same size. So an attacker guessing a real member's password cannot
 *       lock that member out of their own devices, and a copied device cookie buys only its own few
 *       guesses (the OWASP "device cookie" scheme).
 *   <li>Registration: per client address and per e-mail address.
 * </ul>
 */
@Component
class LoginThrottle {

  static final String DEVICE_COOKIE = "gh_device";
  private static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

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
        "sign-in:addr:" + clientKey(request), perAddressPerMinute, Duration.ofMinutes(1))) {
      return false;
    }
    return limiter.hasCapacity(failureKey(request, email), failuresPerAccount, FAILURE_WINDOW);
  }

  /**
   * A wrong password: counts against this browser's device cookie when it has a valid one for the
   * account, otherwise against the account's untrusted clients.
   */
  void recordFailure(HttpServletRequest request, String rawEmail) {
    limiter.tryConsume(
        failureKey(request, Emails.normalize(rawEmail)), failuresPerAccount, FAILURE_WINDOW);
  }

  /**
   * A good sign-in: forgets the failures of where it came from (a trusted device's own count, or
   * the account's untrusted count — a member signing in on their phone does not hand a guesser
   * elsewhere a fresh set of attempts) and gives this browser a new device cookie.
   */
  void recordSuccess(HttpServletRequest request, String rawEmail, HttpServletResponse response) {
    String email = Emails.normalize(rawEmail);
    limiter.reset(failureKey(request, email), failuresPerAccount, FAILURE_WINDOW);
    String nonce = Tokens.random();
    Cookie cookie = new Cookie(DEVICE_COOKIE, nonce + "." + sign(email, nonce));
    cookie.setHttpOnly(true);
    cookie.setSecure(secureCookies);
    cookie.setPath("/login");
    cookie.setMaxAge((int) Duration.ofDays(180).toSeconds());
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
  }

  boolean allowRegistration(HttpServletRequest request, String rawEmail) {
    return limiter.tryConsume(
            "register:addr:" + clientKey(request), registrationsPerAddress, Duration.ofHours(1))
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

  /**
   * The client address a per-address limit counts: an IPv4 address as it is, an IPv6 address by its
   * /64 network, since one subscriber usually gets a whole /64 and could otherwise take a fresh
   * address for every attempt. (Behind a proxy, {@code server.forward-headers-strategy} makes the
   * remote address the client's.)
   */
  static String clientKey(HttpServletRequest request) {
    String remote = request.getRemoteAddr();
    if (remote == null || remote.indexOf(':') < 0) {
      return remote;
    }
    try {
      byte[] bytes = InetAddress.getByName(remote).getAddress();
      if (bytes.length != 16) {
        return remote; // an IPv4-mapped address
      }
      StringBuilder prefix = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
        prefix.append(':');
      }
      return prefix.append(":/64").toString();
    } catch (java.net.UnknownHostException e) {
      return remote;
    }
  }

  /**
   * The bucket a failure counts in: the device's own (OWASP device cookies: a browser that signed
   * in to this account before carries {@code nonce.HMAC(email, nonce)}), or the account's untrusted
   * clients. So guessing from anywhere cannot lock the member out of their own devices, and a
   * copied device cookie buys only its own few guesses.
   */
  private String failureKey(HttpServletRequest request, String email) {
    return deviceNonce(request, email)
        .map(nonce -> "sign-in:device:" + nonce)
        .orElse("sign-in:fail:" + email);
  }

  private java.util.Optional<String> deviceNonce(HttpServletRequest request, String email) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return java.util.Optional.empty();
    }
    for (Cookie cookie : cookies) {
      String value = cookie.getValue();
      int dot = value == null ? -1 : value.indexOf('.');
      if (!DEVICE_COOKIE.equals(cookie.getName()) || dot < 1 || value.length() > 200) {
        continue;
      }
      String nonce = value.substring(0, dot);
      byte[] expected = sign(email, nonce).getBytes(StandardCharsets.US_ASCII);
      if (MessageDigest.isEqual(
          expected, value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
        return java.util.Optional.of(nonce);
      }
    }
    return java.util.Optional.empty();
  }

  private String sign(String email, String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("device:" + email + ":" + nonce).getBytes(StandardCharsets.UTF_8));
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
