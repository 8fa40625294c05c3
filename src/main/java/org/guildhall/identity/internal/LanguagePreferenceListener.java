package org.guildhall.identity.internal;

import org.guildhall.identity.AccountId;
import org.guildhall.platform.i18n.LanguageChosen;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Keeps the member's language preference in step with the header's language switch. */
@Component
class LanguagePreferenceListener {

  private final AccountService accounts;

  LanguagePreferenceListener(AccountService accounts) {
    this.accounts = accounts;
  }

  @EventListener
  void on(LanguageChosen event) {
    accounts.changeLanguage(new AccountId(event.accountId()), event.language());
  }
}
