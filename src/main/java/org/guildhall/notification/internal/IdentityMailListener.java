package org.guildhall.notification.internal;

import java.util.Locale;
import org.guildhall.identity.IdentityEvents.EmailChangeRequested;
import org.guildhall.identity.IdentityEvents.EmailChanged;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.PasswordChanged;
import org.guildhall.identity.IdentityEvents.PasswordResetRequested;
import org.guildhall.platform.i18n.Languages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The mails the identity module's events call for, in the member's language. Each listener runs
 * after the identity transaction commits, in its own transaction, and may run more than once for
 * one event: the dedup key (a hash of the link token, or the account and the time of the change)
 * keeps it to one mail.
 */
@Component
class IdentityMailListener {

  static final String VERIFY_EMAIL = "verify-email";
  static final String PASSWORD_RESET = "password-reset";
  static final String EMAIL_CHANGE = "email-change";
  static final String PASSWORD_CHANGED = "password-changed";
  static final String EMAIL_CHANGED = "email-changed";

  private final MailComposer composer;
  private final MailWriter writer;

  IdentityMailListener(MailComposer composer, MailWriter writer) {
    this.composer = composer;
    this.writer = writer;
  }

  @ApplicationModuleListener
  void on(EmailVerificationRequested event) {
    writer.write(
        VERIFY_EMAIL + ":" + MailWriter.hash(event.token()),
        VERIFY_EMAIL,
        event.email(),
        () ->
            composer.verifyEmail(
                locale(event.language()), event.displayName(), event.token(), event.expiresAt()));
  }

  @ApplicationModuleListener
  void on(PasswordResetRequested event) {
    writer.write(
        PASSWORD_RESET + ":" + MailWriter.hash(event.token()),
        PASSWORD_RESET,
        event.email(),
        () ->
            composer.passwordReset(
                locale(event.language()), event.displayName(), event.token(), event.expiresAt()));
  }

  /** The confirmation link goes to the new address: following it proves the member owns it. */
  @ApplicationModuleListener
  void on(EmailChangeRequested event) {
    writer.write(
        EMAIL_CHANGE + ":" + MailWriter.hash(event.token()),
        EMAIL_CHANGE,
        event.newEmail(),
        () ->
            composer.emailChange(
                locale(event.language()),
                event.displayName(),
                event.newEmail(),
                event.token(),
                event.expiresAt()));
  }

  @ApplicationModuleListener
  void on(PasswordChanged event) {
    writer.write(
        PASSWORD_CHANGED + ":" + event.accountId() + ":" + event.at(),
        PASSWORD_CHANGED,
        event.email(),
        () -> composer.passwordChanged(locale(event.language()), event.displayName(), event.at()));
  }

  /** The notice goes to the old address, so that a hijacked account does not go unnoticed. */
  @ApplicationModuleListener
  void on(EmailChanged event) {
    writer.write(
        EMAIL_CHANGED + ":" + event.accountId() + ":" + event.at(),
        EMAIL_CHANGED,
        event.oldEmail(),
        () ->
            composer.emailChanged(
                locale(event.language()),
                event.displayName(),
                event.oldEmail(),
                event.newEmail(),
                event.at()));
  }

  private static Locale locale(String language) {
    return Languages.resolve(language);
  }
}
