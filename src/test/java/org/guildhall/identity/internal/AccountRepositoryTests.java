package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;

/** JPA slice: the account mapping against the real schema (Flyway), on H2 or PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AccountRepositoryTests {

  @Autowired AccountRepository accounts;

  static Account account(String email, String handle) {
    return new Account(
        AccountId.random(), email, "{noop}x", "Name", handle, "en", "UTC", Instant.now());
  }

  @Test
  void theDatabaseRefusesASecondAccountWithTheSameEmail() {
    String email = "dup-" + UUID.randomUUID() + "@example.com";
    accounts.saveAndFlush(account(email, "h" + UUID.randomUUID().toString().substring(0, 8)));
    assertThatThrownBy(
            () ->
                accounts.saveAndFlush(
                    account(email, "h" + UUID.randomUUID().toString().substring(0, 8))))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void rolesAreStoredAndCountedAndMemberAlwaysStays() {
    Account account =
        account(
            "r-" + UUID.randomUUID() + "@example.com",
            "r" + UUID.randomUUID().toString().substring(0, 8));
    long experts = accounts.countWithRole(Role.EXPERT);
    account.replaceRoles(EnumSet.of(Role.EXPERT), Instant.now());
    accounts.saveAndFlush(account);
    Account loaded = accounts.findByEmail(account.email()).orElseThrow();
    assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.EXPERT);
    assertThat(accounts.countWithRole(Role.EXPERT)).isEqualTo(experts + 1);
  }

  @Test
  void aBanEndsWhenItsDatePasses() {
    Account account =
        account(
            "b-" + UUID.randomUUID() + "@example.com",
            "b" + UUID.randomUUID().toString().substring(0, 8));
    Instant now = Instant.parse("2026-11-24T00:00:00Z");
    account.ban("spam", now.plusSeconds(3600), now);
    assertThat(account.isBannedAt(now)).isTrue();
    assertThat(account.isBannedAt(now.plusSeconds(3601))).isFalse();
    account.ban("for good", null, now);
    assertThat(account.isBannedAt(now.plusSeconds(999_999_999))).isTrue();
  }
}
