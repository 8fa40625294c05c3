package org.guildhall.notification.internal;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.platform.jobs.Backoff;
import org.guildhall.platform.jobs.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends pending mails over SMTP, oldest first, in batches. A failed attempt is retried with
 * exponential backoff (30 s, 1 min, 2 min, … at most 6 h apart) until {@code
 * guildhall.mail.max-attempts}, then the mail is marked failed for the owner to see and retry. Does
 * nothing when SMTP is not configured (mails are then held, never pending).
 *
 * <p>Each mail is first claimed by a conditional update that pushes its next attempt ten minutes
 * ahead, so two instances never send the same mail, and a crash while sending means a retry later
 * (at-least-once), never a lost mail. No database transaction is held open while talking to SMTP.
 */
@Component
class MailDispatcher {

  static final int BATCH_SIZE = 50;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
  static final Duration MAX_BACKOFF = Duration.ofHours(6);
  static final Duration LEASE = Duration.ofMinutes(10);

  /** Stop taking new mails after this long, well within the job lock's lockAtMostFor. */
  static final Duration TIME_BUDGET = Duration.ofMinutes(4);

  private static final int MAX_ERROR_LENGTH = 500;
  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final Clock clock;
  private final String from;
  private final int maxAttempts;

  MailDispatcher(
      MailOutbox outbox,
      MailTransport transport,
      Clock clock,
      @Value("${guildhall.mail.from:Guildhall <no-reply@guildhall.local>}") String from,
      @Value("${guildhall.mail.max-attempts:8}") int maxAttempts) {
    this.outbox = outbox;
    this.transport = transport;
    this.clock = clock;
    this.from = from;
    this.maxAttempts = Math.max(1, maxAttempts);
    if (transport.configured()) {
      sender(); // an unusable From address is a configuration error: fail at start-up
    }
  }

  @Scheduled(
      fixedDelayString = "${guildhall.mail.dispatch-interval:PT5S}",
      initialDelayString = "${guildhall.mail.dispatch-initial-delay:PT10S}")
  @SchedulerLock(name = "mail-dispatch", lockAtMostFor = "PT10M")
  public void dispatch() {
    dispatchDue();
  }

  /** Sends the mails that are due now; returns how many were sent. */
  int dispatchDue() {
    JavaMailSender sender = transport.sender().orElse(null);
    if (sender == null) {
      return 0;
    }
    Instant started = clock.instant();
    List<UUID> due = outbox.due(started, BATCH_SIZE);
    int sent = 0;
    for (UUID id : due) {
      Instant now = clock.instant();
      if (now.isAfter(started.plus(TIME_BUDGET))) {
        break;
      }
      if (!outbox.claim(id, now, now.plus(LEASE))) {
        continue; // taken by another instance
      }
      MailView mail = outbox.find(id).orElse(null);
      if (mail != null && attempt(sender, mail)) {
        sent++;
      }
    }
    return sent;
  }

  private boolean attempt(JavaMailSender sender, MailView mail) {
    int attempts = mail.attempts() + 1;
    try {
      sender.send(toMime(sender, mail));
      outbox.markSent(mail.id(), attempts, clock.instant());
      return true;
    } catch (AddressException badRecipient) {
      // Retrying cannot fix an address the mail library refuses to parse.
      outbox.markAttemptFailed(mail.id(), attempts, describe(badRecipient), null);
      log.warn("Mail {} ({}) failed: unusable recipient address", mail.id(), mail.kind());
    } catch (MessagingException | RuntimeException e) {
      Instant next =
          attempts >= maxAttempts ? null : clock.instant().plus(backoff(mail.attempts()));
      outbox.markAttemptFailed(mail.id(), attempts, describe(e), next);
      if (next == null) {
        log.warn(
            "Mail {} ({}) failed after {} attempts: {}",
            mail.id(),
            mail.kind(),
            attempts,
            describe(e));
      } else {
        log.info(
            "Mail {} ({}) attempt {} failed, next at {}: {}",
            mail.id(),
            mail.kind(),
            attempts,
            next,
            describe(e));
      }
    }
    return false;
  }

  /** The wait after a mail's {@code previousAttempts + 1}-th failure: 30 s doubled each time. */
  static Duration backoff(int previousAttempts) {
    return Backoff.exponential(FIRST_BACKOFF, MAX_BACKOFF, previousAttempts);
  }

  /** multipart/alternative: the plain text first, then the HTML that clients prefer. */
  private MimeMessage toMime(JavaMailSender sender, MailView mail) throws MessagingException {
    MimeMessage message = sender.createMimeMessage();
    message.setFrom(sender());
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
    message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("Content-Language", mail.locale());
    message.setHeader("Auto-Submitted", "auto-generated");

    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.bodyText(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.bodyHtml(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    return message;
  }

  private InternetAddress sender() {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalStateException("guildhall.mail.from is not a valid address: " + from, e);
    }
  }

  /** One line for the owner: the exception's kind and message, never a stack trace. */
  static String describe(Exception e) {
    return Failures.describe(e, MAX_ERROR_LENGTH);
  }
}
