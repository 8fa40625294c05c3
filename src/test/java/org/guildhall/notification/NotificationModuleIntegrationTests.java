package org.guildhall.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.PasswordChanged;
import org.guildhall.notification.MailOutboxApi.MailView;
import org.guildhall.support.ModuleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The notification module bootstrapped on its own: the modules it listens to are not started (their
 * facades are mocks), so the events below reach it only as they would from another module, after
 * that module's transaction. Without SMTP every mail is held in the outbox.
 */
@ModuleIntegrationTest
class NotificationModuleIntegrationTests {

  @MockitoBean IdentityApi identity;
  @MockitoBean CommerceApi commerce;

  @Autowired MailOutboxApi outbox;

  static String uniqueEmail() {
    return "notify-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  List<MailView> mailsTo(String email) {
    return outbox.list(email, null, 10).items();
  }

  @Test
  void aVerificationRequestBecomesOneHeldMailInTheMembersLanguage(Scenario scenario) {
    String email = uniqueEmail();
    var event =
        new EmailVerificationRequested(
            AccountId.random(),
            email,
            "小明",
            "zh-CN",
            "token-" + UUID.randomUUID(),
            Instant.now().plus(Duration.ofDays(1)));

    scenario
        .publish(event)
        .andWaitForStateChange(() -> mailsTo(email), mails -> !mails.isEmpty())
        .andVerify(
            mails -> {
              assertThat(mails).hasSize(1);
              MailView mail = mails.get(0);
              assertThat(mail.kind()).isEqualTo("verify-email");
              assertThat(mail.held()).isTrue();
              assertThat(mail.locale()).isEqualTo("zh-CN");
              assertThat(mail.subject()).containsPattern("\\p{IsHan}");
              assertThat(mail.bodyText()).contains("小明").contains(event.token());
              assertThat(mail.bodyHtml()).contains("/verify?token=" + event.token());
            });

    // Delivered again (at-least-once): still one mail.
    scenario
        .publish(event)
        .andWaitForStateChange(() -> mailsTo(email).size() == 1)
        .andVerify(one -> assertThat(mailsTo(email)).hasSize(1));
  }

  @Test
  void aPasswordChangeIsConfirmedInEnglishToAnEnglishMember(Scenario scenario) {
    String email = uniqueEmail();

    scenario
        .publish(new PasswordChanged(AccountId.random(), email, "Ada", "en", Instant.now()))
        .andWaitForStateChange(() -> mailsTo(email), mails -> !mails.isEmpty())
        .andVerify(
            mails -> {
              assertThat(mails)
                  .singleElement()
                  .satisfies(
                      mail -> {
                        assertThat(mail.kind()).isEqualTo("password-changed");
                        assertThat(mail.locale()).isEqualTo("en");
                        assertThat(mail.subject()).doesNotContainPattern("\\p{IsHan}");
                        assertThat(mail.bodyText()).contains("Ada");
                      });
            });
  }
}
