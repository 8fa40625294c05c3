package org.guildhall.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityEvents.PasswordResetRequested;
import org.guildhall.notification.MailOutboxApi;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.platform.DomainException;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestClockConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With SMTP configured (a fake server here), mails are queued and the dispatcher sends them as
 * multipart/alternative, retrying failures with exponential backoff until the attempts run out.
 * Time is moved with the test clock; the scheduled run is pushed out of the way and the dispatcher
 * is called directly.
 */
@SpringBootTest(
    properties = {
      "guildhall.mail.dispatch-interval=PT1H",
      "guildhall.mail.dispatch-initial-delay=PT1H",
      "guildhall.mail.max-attempts=8",
      "guildhall.mail.from=Guildhall Test <no-reply@guildhall.test>"
    })
@Import({TestClockConfig.class, MailDispatcherIntegrationTests.Smtp.class})
class MailDispatcherIntegrationTests {

  @TestConfiguration(proxyBeanMethods = false)
  static class Smtp {
    @Bean
    @Primary
    FakeSmtp fakeSmtp() {
      return new FakeSmtp();
    }
  }

  @Autowired FakeSmtp smtp;
  @Autowired MutableClock clock;
  @Autowired MailOutbox outbox;
  @Autowired MailDispatcher dispatcher;
  @Autowired MailOutboxApi api;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  /**
   * Puts the clock 999 ns past a microsecond: the database keeps microseconds and rounds, so a mail
   * due "now" must still be due now (it once landed a microsecond in the future).
   */
  @BeforeEach
  void clockBetweenMicroseconds() {
    long nanosPastMicro = clock.instant().getNano() % 1000;
    clock.advance(Duration.ofNanos(999 - nanosPastMicro));
  }

  static String uniqueEmail() {
    return "smtp-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** Calls the dispatcher itself, not through the job lock other test contexts also take. */
  int dispatch() {
    MailDispatcher target = AopTestUtils.getTargetObject(dispatcher);
    return target.dispatchDue();
  }

  UUID queue(String recipient) {
    String key = "test:" + UUID.randomUUID();
    boolean stored =
        outbox.insert(
            new NewMail(
                key,
                "password-reset",
                recipient,
                "en",
                "Reset your password",
                "<!DOCTYPE html><html><body><p>Hi there</p></body></html>",
                "Hi there\n"),
            MailStatus.PENDING,
            clock.instant());
    assertThat(stored).isTrue();
    return jdbc.sql("SELECT id FROM mail_message WHERE dedup_key = ?")
        .param(key)
        .query(UUID.class)
        .single();
  }

  MailView mail(UUID id) {
    return api.find(id).orElseThrow();
  }

  Instant nextAttemptAt(UUID id) {
    OffsetDateTime value =
        jdbc.sql("SELECT next_attempt_at FROM mail_message WHERE id = ?")
            .param(id)
            .query(OffsetDateTime.class)
            .optional()
            .orElse(null);
    return value == null ? null : value.toInstant();
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  @Test
  void smtpIsConfiguredSoEventsQueueMailsAsPending() {
    assertThat(api.smtpConfigured()).isTrue();
    String email = uniqueEmail();
    transactions.executeWithoutResult(
        status ->
            events.publishEvent(
                new PasswordResetRequested(
                    AccountId.random(),
                    email,
                    "Pat",
                    "en",
                    "reset-" + UUID.randomUUID(),
                    clock.instant().plus(Duration.ofMinutes(60)))));

    MailView queued =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> api.list(email, null, 5).items(), items -> !items.isEmpty())
            .get(0);
    assertThat(queued.status()).isEqualTo("PENDING");
    assertThat(queued.bodyText()).contains("/reset?token=reset-").contains("60 minutes");

    dispatch();
    assertThat(mail(queued.id()).status()).isEqualTo("SENT");
    assertThat(smtp.sentTo(email)).hasSize(1);
  }

  @Test
  void retriesWithBackoffAndSendsOnceTheServerIsBack() throws Exception {
    String to = uniqueEmail();
    smtp.failNext(to, 2);
    UUID id = queue(to);

    Instant first = clock.instant();
    dispatch();
    MailView afterFirst = mail(id);
    assertThat(afterFirst.status()).isEqualTo("PENDING");
    assertThat(afterFirst.attempts()).isEqualTo(1);
    assertThat(afterFirst.lastError())
        .isEqualTo("MailSendException: 421 4.3.0 Service not available, closing channel")
        .doesNotContain("\n")
        .doesNotContain("at org.");
    assertThat(nextAttemptAt(id)).isEqualTo(micros(first.plusSeconds(30)));

    clock.advance(Duration.ofSeconds(29));
    dispatch();
    assertThat(mail(id).attempts()).as("not due before its backoff").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    Instant second = clock.instant();
    dispatch();
    assertThat(mail(id).attempts()).isEqualTo(2);
    assertThat(mail(id).status()).isEqualTo("PENDING");
    assertThat(nextAttemptAt(id)).as("backoff doubles").isEqualTo(micros(second.plusSeconds(60)));

    clock.advance(Duration.ofSeconds(60));
    Instant third = clock.instant();
    dispatch();
    MailView sent = mail(id);
    assertThat(sent.status()).isEqualTo("SENT");
    assertThat(sent.attempts()).as("two failures and the successful attempt").isEqualTo(3);
    assertThat(sent.sentAt()).isEqualTo(micros(third));
    assertThat(nextAttemptAt(id)).isNull();

    List<MimeMessage> delivered = smtp.sentTo(to);
    assertThat(delivered).hasSize(1);
    MimeMessage message = delivered.get(0);
    assertThat(message.getSubject()).isEqualTo("Reset your password");
    assertThat(((InternetAddress) message.getFrom()[0]).getAddress())
        .isEqualTo("no-reply@guildhall.test");
    assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Guildhall Test");
    assertThat(message.getHeader("Content-Language")).containsExactly("en");
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(text.getContent()).isEqualTo("Hi there\n");
    assertThat(html.getContentType()).startsWith("text/html");
    assertThat((String) html.getContent()).contains("<p>Hi there</p>");

    clock.advance(Duration.ofHours(1));
    dispatch();
    assertThat(smtp.sentTo(to)).as("a sent mail is never sent again").hasSize(1);
  }

  @Test
  void givesUpAfterTheLastAttemptAndTheOwnerCanRetry() {
    String to = uniqueEmail();
    smtp.failNext(to, 1000);
    UUID id = queue(to);

    for (int attempt = 1; attempt <= 8; attempt++) {
      dispatch();
      assertThat(mail(id).attempts()).isEqualTo(attempt);
      clock.advance(Duration.ofHours(6).plusSeconds(1)); // the longest backoff
    }
    MailView failed = mail(id);
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.attempts()).isEqualTo(8);
    assertThat(nextAttemptAt(id)).isNull();

    dispatch();
    assertThat(mail(id).attempts()).as("a failed mail is not tried again by itself").isEqualTo(8);

    smtp.failNext(to, 0);
    api.retry(id);
    MailView retried = mail(id);
    assertThat(retried.status()).isEqualTo("PENDING");
    assertThat(retried.attempts()).isZero();
    dispatch();
    assertThat(mail(id).status()).isEqualTo("SENT");
    assertThat(mail(id).attempts()).isEqualTo(1);
    assertThat(smtp.sentTo(to)).hasSize(1);

    assertThatThrownBy(() -> api.retry(id))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("mail-not-retryable"));
    assertThatThrownBy(() -> api.retry(UUID.randomUUID()))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("mail-not-found"));
  }

  @Test
  void anUnusableAddressFailsAtOnce() {
    UUID id = queue("not an address@@example.com");
    dispatch();
    MailView mail = mail(id);
    assertThat(mail.status()).isEqualTo("FAILED");
    assertThat(mail.attempts()).isEqualTo(1);
    assertThat(mail.lastError()).startsWith("AddressException");
  }

  @Test
  void backoffDoublesFromThirtySecondsAndIsCappedAtSixHours() {
    assertThat(MailDispatcher.backoff(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(MailDispatcher.backoff(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(MailDispatcher.backoff(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(MailDispatcher.backoff(10)).isEqualTo(Duration.ofHours(6));
    assertThat(MailDispatcher.backoff(1000)).isEqualTo(Duration.ofHours(6));
  }
}
