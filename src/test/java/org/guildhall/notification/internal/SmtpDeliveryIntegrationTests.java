package org.guildhall.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.notification.MailOutboxApi;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail over a real SMTP server (GreenMail, in this JVM) with Spring Boot's own mail sender built
 * from {@code spring.mail.host} and {@code spring.mail.port}: while the server is down the attempt
 * fails and is retried after the backoff, then the mail arrives in the recipient's language as
 * multipart/alternative. A mail held before SMTP was configured can be sent by the owner.
 */
@SpringBootTest(
    properties = {
      "spring.mail.host=127.0.0.1",
      "guildhall.mail.dispatch-interval=PT1H",
      "guildhall.mail.dispatch-initial-delay=PT1H",
      "guildhall.mail.from=Guildhall 学院 <no-reply@guildhall.test>",
      "guildhall.base-url=https://learn.example.com"
    })
@Import(TestClockConfig.class)
class SmtpDeliveryIntegrationTests {

  static final int PORT = freePort();

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> PORT);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired MailDispatcher dispatcher;
  @Autowired MailOutbox outbox;
  @Autowired MailOutboxApi api;
  @Autowired MutableClock clock;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  final GreenMail smtp =
      new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @AfterEach
  void stopServer() {
    smtp.stop();
  }

  int dispatch() {
    return AopTestUtils.<MailDispatcher>getTargetObject(dispatcher).dispatchDue();
  }

  MailView mail(UUID id) {
    return api.find(id).orElseThrow();
  }

  static String uniqueEmail() {
    return "greenmail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  MimeMessage receivedBy(String address) throws Exception {
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (((InternetAddress) message.getAllRecipients()[0]).getAddress().equals(address)) {
        return message;
      }
    }
    throw new AssertionError("no mail for " + address);
  }

  @Test
  void aMailIsRetriedWhileTheServerIsDownThenDeliveredInTheMembersLanguage() throws Exception {
    assertThat(api.smtpConfigured()).isTrue();
    String to = uniqueEmail();
    transactions.executeWithoutResult(
        status ->
            events.publishEvent(
                new EmailVerificationRequested(
                    AccountId.random(),
                    to,
                    "小林",
                    "zh-CN",
                    "verify-" + UUID.randomUUID(),
                    clock.instant().plus(Duration.ofHours(48)))));
    MailView queued =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> api.list(to, null, 5).items(), items -> !items.isEmpty())
            .get(0);
    assertThat(queued.status()).isEqualTo("PENDING");

    // The SMTP server is not running yet: the attempt fails and is scheduled again.
    dispatch();
    MailView failedOnce = mail(queued.id());
    assertThat(failedOnce.status()).isEqualTo("PENDING");
    assertThat(failedOnce.attempts()).isEqualTo(1);
    assertThat(failedOnce.lastError()).isNotBlank().doesNotContain("\n");

    smtp.start();
    dispatch();
    assertThat(mail(queued.id()).attempts()).as("not before the backoff").isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    dispatch();
    MailView sent = mail(queued.id());
    assertThat(sent.status()).isEqualTo("SENT");
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();

    MimeMessage message = receivedBy(to);
    assertThat(message.getSubject()).isEqualTo(queued.subject()).contains("验证");
    InternetAddress from = (InternetAddress) message.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("no-reply@guildhall.test");
    assertThat(from.getPersonal()).isEqualTo("Guildhall 学院");
    assertThat(message.getHeader("Content-Language")).containsExactly("zh-CN");
    assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
    assertThat(message.getContentType()).startsWith("multipart/alternative");

    Multipart parts = (Multipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    BodyPart text = parts.getBodyPart(0);
    BodyPart html = parts.getBodyPart(1);
    assertThat(text.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
    assertThat(html.getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
    // SMTP carries lines ended by CRLF.
    String textBody = ((String) text.getContent()).replace("\r\n", "\n");
    String htmlBody = ((String) html.getContent()).replace("\r\n", "\n");
    assertThat(textBody)
        .isEqualTo(queued.bodyText())
        .contains("小林")
        .contains("https://learn.example.com/verify?token=verify-");
    assertThat(htmlBody)
        .isEqualTo(queued.bodyHtml())
        .contains("<html lang=\"zh-CN\">")
        .contains("href=\"https://learn.example.com/verify?token=verify-");
  }

  @Test
  void aMailHeldBeforeSmtpWasConfiguredIsSentWhenTheOwnerSaysSo() throws Exception {
    smtp.start();
    String to = uniqueEmail();
    String key = "held:" + UUID.randomUUID();
    outbox.insert(
        new NewMail(
            key,
            "password-reset",
            to,
            "en",
            "Reset your password",
            "<!DOCTYPE html><html lang=\"en\"><body><p>Held</p></body></html>",
            "Held\n"),
        MailStatus.HELD,
        clock.instant());
    UUID id =
        jdbc.sql("SELECT id FROM mail_message WHERE dedup_key = ?")
            .param(key)
            .query(UUID.class)
            .single();
    dispatch();
    assertThat(mail(id).status()).as("held mails wait for the owner").isEqualTo("HELD");

    api.retry(id);
    assertThat(mail(id).status()).isEqualTo("PENDING");
    dispatch();
    assertThat(mail(id).status()).isEqualTo("SENT");
    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
    assertThat(receivedBy(to).getSubject()).isEqualTo("Reset your password");
  }
}
