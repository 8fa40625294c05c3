package org.guildhall.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts a mail into the outbox exactly once per dedup key: pending for the dispatcher when SMTP is
 * configured, otherwise held for the owner. Event listeners are delivered at least once, so the key
 * (not the delivery) decides whether a mail is new.
 */
@Component
class MailWriter {

  private static final Logger log = LoggerFactory.getLogger(MailWriter.class);

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final Clock clock;

  MailWriter(MailOutbox outbox, MailTransport transport, Clock clock) {
    this.outbox = outbox;
    this.transport = transport;
    this.clock = clock;
  }

  /**
   * Composes and stores the mail unless its key was seen before. Returns true when a mail was
   * stored, false for a duplicate.
   */
  boolean write(String dedupKey, String kind, String recipient, Supplier<ComposedMail> compose) {
    if (outbox.exists(dedupKey)) {
      log.debug("Mail {} already in the outbox; redelivered event ignored", kind);
      return false;
    }
    MailStatus status = transport.configured() ? MailStatus.PENDING : MailStatus.HELD;
    boolean stored =
        outbox.insert(
            NewMail.of(dedupKey, kind, recipient, compose.get()), status, clock.instant());
    if (stored) {
      log.debug("Mail {} stored as {}", kind, status);
    }
    return stored;
  }

  /** A key part for a secret (a link token) that does not reveal it. */
  static String hash(String secret) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
