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

/** Demo people are seeded once, into an empty account table, only when the demo is on. */
class DemoAccountsTests {

  final DemoMode demo = mock(DemoMode.class);
  final AccountRepository accounts = mock(AccountRepository.class);
  final AccountService service = mock(AccountService.class);

  @Test
  void seedsEveryRoleIntoAnEmptyDatabase() {
    when(demo.enabled()).thenReturn(true);
    when(accounts.count()).thenReturn(0L);
    new DemoAccounts(demo, accounts, service).afterSingletonsInstantiated();
    verify(service, times(DemoAccounts.PEOPLE.size()))
        .provision(anyString(), eq("guildhall-demo"), anyString(), anyString(), any(), anyString());
    Set<Role> roles = EnumSet.noneOf(Role.class);
    DemoAccounts.PEOPLE.forEach(p -> roles.addAll(p.roles()));
    assertThat(roles).containsExactlyInAnyOrder(Role.values());
  }

  @Test
  void leavesADatabaseWithAccountsAlone() {
    when(demo.enabled()).thenReturn(true);
    when(accounts.count()).thenReturn(1L);
    new DemoAccounts(demo, accounts, service).afterSingletonsInstantiated();
    verify(service, never()).provision(any(), any(), any(), any(), any(), any());
  }

  @Test
  void seedsNothingWhenTheDemoIsOff() {
    when(demo.enabled()).thenReturn(false);
    new DemoAccounts(demo, accounts, service).afterSingletonsInstantiated();
    verify(service, never()).provision(any(), any(), any(), any(), any(), any());
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
