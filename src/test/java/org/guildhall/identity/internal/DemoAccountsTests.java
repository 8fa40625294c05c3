package org.guildhall.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.guildhall.identity.Role;
import org.guildhall.platform.demo.DemoMode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Demo people are seeded once, into an empty account table, only when the demo is on, with the
 * documented password hashed once for all of them.
 */
class DemoAccountsTests {

  final DemoMode demo = mock(DemoMode.class);
  final AccountRepository accounts = mock(AccountRepository.class);
  final AccountService service = mock(AccountService.class);
  final PasswordEncoder encoder = mock(PasswordEncoder.class);

  DemoAccounts seeder() {
    return new DemoAccounts(demo, accounts, service, encoder, mock(JdbcClient.class));
  }

  @Test
  void seedsEveryRoleIntoAnEmptyDatabase() {
    when(demo.enabled()).thenReturn(true);
    when(accounts.count()).thenReturn(0L);
    when(encoder.encode("guildhall-demo")).thenReturn("{argon2}hash-of-the-demo-password");
    seeder().seed();
    verify(demo).seedingStarted();
    verify(encoder, times(1)).encode(any());
    verify(service, times(DemoAccounts.PEOPLE.size()))
        .provisionHashed(
            anyString(),
            eq("{argon2}hash-of-the-demo-password"),
            anyString(),
            anyString(),
            any(),
            anyString());
    Set<Role> roles = EnumSet.noneOf(Role.class);
    DemoAccounts.PEOPLE.forEach(p -> roles.addAll(p.roles()));
    assertThat(roles).containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void leavesADatabaseWithAccountsAlone() {
    when(demo.enabled()).thenReturn(true);
    when(accounts.count()).thenReturn(1L);
    seeder().seed();
    verify(demo, never()).seedingStarted();
    verify(service, never()).provisionHashed(any(), any(), any(), any(), any(), any());
    verify(encoder, never()).encode(any());
  }

  @Test
  void seedsNothingWhenTheDemoIsOff() {
    when(demo.enabled()).thenReturn(false);
    seeder().seed();
    verify(service, never()).provisionHashed(any(), any(), any(), any(), any(), any());
    verify(encoder, never()).encode(any());
    verify(accounts, never()).count();
  }

  @Test
  void theReadmeListsEveryDemoAccountAndThePassword() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme).contains("**`" + DemoAccounts.PASSWORD + "`**");
    for (DemoAccounts.Person person : DemoAccounts.PEOPLE) {
      assertThat(readme).as(person.email()).contains("| `" + person.email() + "` |");
    }
    assertThat(
            DemoAccounts.PEOPLE.stream()
                .map(DemoAccounts.Person::email)
                .collect(Collectors.toSet()))
        .contains(
            "owner@guildhall.demo",
            "expert@guildhall.demo",
            "moderator@guildhall.demo",
            "volunteer@guildhall.demo",
            "premium@guildhall.demo",
            "basic@guildhall.demo",
            "free@guildhall.demo");
  }
}
