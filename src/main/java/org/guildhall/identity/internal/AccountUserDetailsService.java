package org.guildhall.identity.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the account for a sign-in by e-mail. A banned account is "locked". */
@Component
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;
  private final Clock clock;

  AccountUserDetailsService(AccountRepository accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String email) {
    return accounts
        .findByEmail(Emails.normalize(email))
        .map(
            a ->
                new MemberPrincipal(
                    a.id().value(), a.passwordHash(), a.roles(), a.isBannedAt(clock.instant())))
        .orElseThrow(() -> new UsernameNotFoundException("No such account"));
  }
}
