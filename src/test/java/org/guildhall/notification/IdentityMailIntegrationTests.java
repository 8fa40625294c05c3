package org.guildhall.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityEvents.EmailChangeRequested;
import org.guildhall.identity.IdentityEvents.EmailChanged;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.PasswordChanged;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.shared.paging.KeysetPage;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestClockConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Identity events become mails in the outbox, in the member's language, once per event even when
 * the event is delivered again. No SMTP is configured here, so every mail is held for the owner.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfig.class)
class IdentityMailIntegrationTests {

  static final Pattern VERIFY_LINK =
      Pattern.compile("(https?://[^/\\s]+)(/verify\\?token=[\\w%-]+)");

  @Autowired AccountService accounts;
  @Autowired MailOutboxApi outbox;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired MutableClock clock;

  @Value("${guildhall.base-url}")
  String baseUrl;

  static String uniqueEmail() {
    return "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  /** Waits until the outbox holds at least one mail to {@code email}; returns all of them. */
  List<MailView> awaitMails(String email) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> outbox.list(email, null, 10).items(), items -> !items.isEmpty());
  }

  /** Waits until every listener has finished with the events that mention {@code email}. */
  void awaitListenersDone(String email) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "SELECT COUNT(*) FROM event_publication"
                            + " WHERE serialized_event LIKE ? AND completion_date IS NULL")
                    .param("%" + email + "%")
                    .query(Long.class)
                    .single(),
            count -> count == 0);
  }

  void publish(Object event) {
    transactions.executeWithoutResult(status -> events.publishEvent(event));
  }

  @Test
  void registrationWritesOneVerificationMailInTheMembersLanguageWithAWorkingLink()
      throws Exception {
    String email = uniqueEmail();
    accounts.register(email, "a long pass phrase", "小明", "zh-CN");

    List<MailView> mails = awaitMails(email);
    awaitListenersDone(email);
    mails = outbox.list(email, null, 10).items();
    assertThat(mails).hasSize(1);
    MailView mail = mails.get(0);
    assertThat(mail.kind()).isEqualTo("verify-email");
    assertThat(mail.recipient()).isEqualTo(email);
    assertThat(mail.locale()).isEqualTo("zh-CN");
    assertThat(mail.status()).as("no SMTP configured: held").isEqualTo("HELD");
    assertThat(mail.subject()).startsWith("请验证你在").contains("的邮箱地址");
    assertThat(mail.bodyText())
        .startsWith("小明，你好：")
        .contains("验证邮箱地址：\n" + baseUrl + "/verify?token=")
        .contains("链接将在 48 小时后失效。");
    assertThat(mail.bodyHtml())
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"zh-CN\">")
        .contains("小明，你好");

    Matcher link = VERIFY_LINK.matcher(mail.bodyText());
    assertThat(link.find()).as("verify link in %s", mail.bodyText()).isTrue();
    assertThat(link.group(1)).isEqualTo(baseUrl);
    assertThat(mail.bodyHtml()).contains("href=\"" + link.group(1) + link.group(2) + "\"");
    mvc.perform(get(link.group(2)))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/login?verified"));
    assertThat(
            jdbc.sql("SELECT email_verified_at FROM account WHERE email = ?")
                .param(email)
                .query(Object.class)
                .single())
        .as("following the mailed link verified the address")
        .isNotNull();
  }

  @Test
  void writesEnglishMailsForEnglishMembers() {
    String email = uniqueEmail();
    accounts.register(email, "a long pass phrase", "Ada", "en");

    MailView mail = awaitMails(email).get(0);
    assertThat(mail.locale()).isEqualTo("en");
    assertThat(mail.subject()).startsWith("Confirm your email address for ");
    assertThat(mail.bodyText())
        .startsWith("Hi Ada,")
        .contains("Confirm email address:\n" + baseUrl + "/verify?token=")
        .contains("The link expires in 48 hours.");
  }

  @Test
  void aRedeliveredEventWritesNoSecondMail() {
    String email = uniqueEmail();
    EmailVerificationRequested event =
        new EmailVerificationRequested(
            AccountId.random(),
            email,
            "Twice",
            "en",
            "token-" + UUID.randomUUID(),
            clock.instant().plus(Duration.ofHours(48)));

    publish(event);
    awaitMails(email);
    awaitListenersDone(email);
    // the registry redelivers an event after a crash or restart, i.e. after the first delivery
    // (two identical publications completing at the same instant can race inside the registry)
    publish(event);
    awaitListenersDone(email);
    assertThat(outbox.list(email, null, 10).items()).hasSize(1);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE recipient = ?")
                .param(email)
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void emailChangeConfirmationGoesToTheNewAddressAndTheNoticeToTheOldOne() {
    AccountId account = AccountId.random();
    String oldEmail = uniqueEmail();
    String newEmail = uniqueEmail();
    Instant now = clock.instant();

    publish(
        new EmailChangeRequested(
            account, newEmail, "Lin", "en", "change-" + UUID.randomUUID(), now.plusSeconds(86400)));
    publish(new EmailChanged(account, oldEmail, newEmail, "Lin", "en", now));
    publish(new PasswordChanged(account, newEmail, "Lin", "zh-CN", now));

    awaitListenersDone(newEmail);
    List<MailView> toNew = outbox.list(newEmail, null, 10).items();
    assertThat(toNew)
        .extracting(MailView::kind)
        .containsExactlyInAnyOrder("email-change", "password-changed");
    MailView confirm =
        toNew.stream().filter(m -> m.kind().equals("email-change")).findFirst().orElseThrow();
    assertThat(confirm.bodyText())
        .contains(baseUrl + "/settings/email/confirm?token=change-")
        .contains(newEmail);
    MailView passwordNotice =
        toNew.stream().filter(m -> m.kind().equals("password-changed")).findFirst().orElseThrow();
    assertThat(passwordNotice.locale()).isEqualTo("zh-CN");
    assertThat(passwordNotice.subject()).contains("密码已修改");
    assertThat(passwordNotice.bodyText()).contains(baseUrl + "/forgot");

    List<MailView> toOld = awaitMails(oldEmail);
    assertThat(toOld).singleElement().extracting(MailView::kind).isEqualTo("email-changed");
    assertThat(toOld.get(0).bodyText()).contains(oldEmail).contains(newEmail);
  }

  @Test
  void listsNewestFirstByKeyWithARecipientFilter() {
    String domain = "@kp-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    for (int i = 0; i < 3; i++) {
      // One second apart, so that "newest first" is observable.
      clock.advance(Duration.ofSeconds(1));
      String recipient = "m" + i + domain;
      publish(new PasswordChanged(AccountId.random(), recipient, "M" + i, "en", clock.instant()));
      awaitMails(recipient);
    }

    KeysetPage<MailView> first = outbox.list(domain.toUpperCase(), null, 2);
    assertThat(first.items()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
    KeysetPage<MailView> second = outbox.list(domain, first.next(), 2);
    assertThat(second.items()).hasSize(1);
    assertThat(second.hasNext()).isFalse();

    List<String> order =
        java.util.stream.Stream.concat(first.items().stream(), second.items().stream())
            .map(MailView::recipient)
            .toList();
    assertThat(order).containsExactly("m2" + domain, "m1" + domain, "m0" + domain);
    assertThat(outbox.list("no-such-recipient-" + UUID.randomUUID(), null, 10).items()).isEmpty();
  }

  @Test
  void blankSmtpHostMeansMailIsHeldNotSent() {
    assertThat(outbox.smtpConfigured()).isFalse();
  }
}
