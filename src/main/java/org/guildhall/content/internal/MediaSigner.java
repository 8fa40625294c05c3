package org.guildhall.content.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guildhall.platform.InstallationSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and checks media links: {@code /media/s/{id}?exp=<epoch seconds>&sig=<s>} where {@code s}
 * is the unpadded base64url HMAC-SHA256 of {@code "<id>.<exp>"}. The key is derived from {@code
 * guildhall.security.secret} or, when that is unset, from an installation secret generated once and
 * kept in the database, so every instance accepts every other's links and restarts break none.
 */
@Component
public class MediaSigner {

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] PURPOSE = "guildhall:media-link:v1".getBytes(StandardCharsets.UTF_8);

  private final InstallationSettings settings;
  private final String configuredSecret;
  private final Clock clock;
  private volatile SecretKeySpec key;

  MediaSigner(
      InstallationSettings settings,
      @Value("${guildhall.security.secret:}") String configuredSecret,
      Clock clock) {
    this.settings = settings;
    this.configuredSecret = configuredSecret;
    this.clock = clock;
  }

  /** A link valid for {@code ttl} from now. */
  public String signedPath(UUID id, Duration ttl) {
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("A signed link needs a positive lifetime");
    }
    long expires = clock.instant().plus(ttl).getEpochSecond();
    return "/media/s/" + id + "?exp=" + expires + "&sig=" + sign(id.toString(), expires);
  }

  /**
   * True if {@code sig} is this installation's signature of exactly this id text and expiry, and
   * the expiry is still ahead. Compares in constant time.
   */
  public boolean verify(String id, String exp, String sig) {
    if (id == null || exp == null || sig == null || exp.length() > 19 || sig.length() > 64) {
      return false;
    }
    long expires;
    try {
      expires = Long.parseLong(exp);
    } catch (NumberFormatException e) {
      return false;
    }
    if (!Long.toString(expires).equals(exp) || expires <= clock.instant().getEpochSecond()) {
      return false;
    }
    byte[] expected = sign(id, expires).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
  }

  /** Seconds until {@code exp} (a verified expiry), at least 0. */
  public long secondsLeft(String exp) {
    return Math.max(0, Long.parseLong(exp) - clock.instant().getEpochSecond());
  }

  private String sign(String id, long expires) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key());
      byte[] digest = mac.doFinal((id + "." + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private SecretKeySpec key() throws GeneralSecurityException {
    SecretKeySpec k = key;
    if (k == null) {
      String secret =
          configuredSecret.isBlank() ? settings.secret("media.link-signing-key") : configuredSecret;
      Mac derive = Mac.getInstance(ALGORITHM);
      derive.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      k = new SecretKeySpec(derive.doFinal(PURPOSE), ALGORITHM);
      key = k;
    }
    return k;
  }
}
