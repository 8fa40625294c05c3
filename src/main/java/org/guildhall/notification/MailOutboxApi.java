package org.guildhall.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.shared.paging.KeysetPage;

/**
 * The mail outbox as other modules (the owner's console) see it. Every e-mail the application
 * writes is kept here: sent over SMTP when SMTP is configured, otherwise held for the owner to
 * read.
 */
public interface MailOutboxApi {

  /** Most mails one page of {@link #list} returns. */
  int MAX_PAGE_SIZE = 100;

  /**
   * Newest first, optionally only mails whose recipient contains {@code recipientFilter}
   * (case-insensitive), paged by key: pass the previous page's {@link KeysetPage#next()} as {@code
   * cursor}.
   */
  KeysetPage<MailView> list(String recipientFilter, String cursor, int size);

  Optional<MailView> find(UUID id);

  /**
   * Sends a mail that gave up ({@code FAILED}), or one held while SMTP was not configured ({@code
   * HELD}), from now on, with a fresh count of attempts.
   *
   * @throws org.guildhall.platform.DomainException 404 when there is no such mail; 409 when it is
   *     neither failed nor held, or SMTP is not configured
   */
  void retry(UUID id);

  /** True when mail goes out over SMTP; false when every mail is held in the outbox. */
  boolean smtpConfigured();

  /** The From address mails are sent with ({@code guildhall.mail.from}). */
  String sender();

  /** One stored e-mail. {@code status} is PENDING, SENT, FAILED or HELD. */
  record MailView(
      UUID id,
      String kind,
      String recipient,
      String subject,
      String bodyHtml,
      String bodyText,
      String locale,
      String status,
      int attempts,
      String lastError,
      Instant createdAt,
      Instant sentAt) {

    public boolean held() {
      return "HELD".equals(status);
    }

    public boolean sent() {
      return "SENT".equals(status);
    }

    public boolean failed() {
      return "FAILED".equals(status);
    }

    public boolean pending() {
      return "PENDING".equals(status);
    }
  }
}
