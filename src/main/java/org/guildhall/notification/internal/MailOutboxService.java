package org.guildhall.notification.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.notification.MailOutboxApi;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MailOutboxApi} over the {@code mail_message} table. */
@Service
class MailOutboxService implements MailOutboxApi {

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final Clock clock;
  private final String sender;

  MailOutboxService(
      MailOutbox outbox,
      MailTransport transport,
      Clock clock,
      @Value("${guildhall.mail.from:Guildhall <no-reply@guildhall.local>}") String sender) {
    this.outbox = outbox;
    this.transport = transport;
    this.clock = clock;
    this.sender = sender;
  }

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<MailView> list(String recipientFilter, String cursor, int size) {
    return outbox.page(recipientFilter, cursor, Math.max(1, Math.min(size, MAX_PAGE_SIZE)));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<MailView> find(UUID id) {
    return outbox.find(id);
  }

  @Override
  @Transactional
  public void retry(UUID id) {
    MailView mail = outbox.find(id).orElseThrow(() -> DomainException.notFound("mail-not-found"));
    if (!transport.configured()) {
      throw DomainException.conflict("mail-smtp-not-configured");
    }
    if (!(mail.failed() || mail.held()) || !outbox.retry(id, clock.instant())) {
      throw DomainException.conflict("mail-not-retryable");
    }
  }

  @Override
  public boolean smtpConfigured() {
    return transport.configured();
  }

  @Override
  public String sender() {
    return sender;
  }
}
