package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.IdentityEvents.AccountBanned;
import org.guildhall.identity.IdentityEvents.AccountRegistered;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.RolesChanged;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.support.ModuleIntegrationTest;
import org.guildhall.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;

/**
 * The identity module bootstrapped on its own (with the open platform module, nothing else): it
 * needs no other module to run, and the events it promises other modules are published with the
 * values they need.
 */
@ModuleIntegrationTest
class IdentityModuleIntegrationTests {

  @Autowired AccountService accounts;
  @Autowired IdentityApi identity;
  @Autowired MutableClock clock;

  static String uniqueEmail() {
    return "module-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  @Test
  void registeringPublishesTheAccountAndItsVerificationRequest(Scenario scenario) {
    String email = uniqueEmail();

    scenario
        .stimulate(() -> accounts.register(email, "a long enough passphrase", "Module Test", "en"))
        .andWaitAtMost(Duration.ofSeconds(10))
        .andWaitForEventOfType(AccountRegistered.class)
        .matching(event -> event.email().equals(email))
        .toArriveAndVerify(
            (event, id) -> {
              assertThat(event.accountId()).isEqualTo(id);
              assertThat(event.displayName()).isEqualTo("Module Test");
              assertThat(event.language()).isEqualTo("en");
            });

    AccountId id = identity.search(email, null, null, 1).items().get(0).id();
    scenario
        .stimulate(() -> accounts.resendVerification(id))
        .andWaitAtMost(Duration.ofSeconds(10))
        .andWaitForEventOfType(EmailVerificationRequested.class)
        .matching(event -> event.accountId().equals(id))
        .toArriveAndVerify(
            event -> {
              assertThat(event.email()).isEqualTo(email);
              assertThat(event.token()).hasSizeGreaterThanOrEqualTo(32);
              assertThat(event.expiresAt()).isAfter(clock.instant());
            });
  }

  @Test
  void theOwnersRoleChangesAndBansArePublishedWithTheActor(Scenario scenario) {
    // The demo owner (seeded by this module): another owner would change what other tests see.
    AccountId owner =
        identity.search("owner@guildhall.demo", Role.OWNER, null, 1).items().get(0).id();
    AccountId member =
        accounts.register(uniqueEmail(), "a long enough passphrase", "Member", "zh-CN");

    scenario
        .stimulate(() -> identity.setRoles(owner, member, Set.of(Role.MEMBER, Role.MODERATOR)))
        .andWaitForEventOfType(RolesChanged.class)
        .matching(event -> event.accountId().equals(member))
        .toArriveAndVerify(
            event -> {
              assertThat(event.by()).isEqualTo(owner);
              assertThat(event.before()).containsExactly(Role.MEMBER);
              assertThat(event.after()).containsExactlyInAnyOrder(Role.MEMBER, Role.MODERATOR);
            });

    Instant until = clock.instant().plus(Duration.ofDays(7));
    scenario
        .stimulate(() -> identity.ban(owner, member, "spam", until))
        .andWaitForEventOfType(AccountBanned.class)
        .matching(event -> event.accountId().equals(member))
        .toArriveAndVerify(
            event -> {
              assertThat(event.by()).isEqualTo(owner);
              assertThat(event.reason()).isEqualTo("spam");
              assertThat(event.until()).isEqualTo(until);
            });
    assertThat(identity.find(member))
        .get()
        .extracting(AccountSummary::status)
        .isEqualTo(AccountStatus.BANNED);
  }
}
