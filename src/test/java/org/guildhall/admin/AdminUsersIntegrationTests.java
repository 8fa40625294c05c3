package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The owner's member list at /admin/users: search, role filter, paging, roles, ban and unban. */
@WebIntegrationTest
class AdminUsersIntegrationTests {

  static final Pattern NEXT = Pattern.compile("hx-get=\"(/admin/users\\?[^\"]+after=[^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityApi identity;

  Browser owner() {
    Browser owner = new Browser(port);
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    owner.get("/lang?to=en");
    return owner;
  }

  @Test
  void searchesByEmailNameOrHandleAndFiltersByRole() {
    Browser owner = owner();
    assertThat(owner.get("/admin/users?q=EXPERT%40GUILDHALL").body())
        .contains("expert@guildhall.demo")
        .doesNotContain("free@guildhall.demo");
    assertThat(owner.get("/admin/users?q=%E6%80%9D%E9%BD%90").body()) // 思齐
        .contains("expert@guildhall.demo");
    assertThat(owner.get("/admin/users?q=zhou-xiao").body()).contains("free@guildhall.demo");
    String experts = owner.get("/admin/users?role=EXPERT").body();
    assertThat(experts).contains("expert@guildhall.demo").doesNotContain("free@guildhall.demo");
    assertThat(owner.get("/admin/users?q=guildhall.demo&role=MODERATOR").body())
        .contains("moderator@guildhall.demo")
        .doesNotContain("volunteer@guildhall.demo");
    assertThat(owner.get("/admin/users?q=100%25_").body())
        .as("LIKE wildcards are taken literally")
        .contains("class=\"empty-state\"")
        .doesNotContain("data-testid=\"users-table\"");
    assertThat(owner.get("/admin/users?role=NOT_A_ROLE").status()).isEqualTo(200);
  }

  @Test
  void pagesByKeyWithHtmxLoadingOnlyTheNextRows() {
    String prefix = "pg" + UUID.randomUUID().toString().substring(0, 4);
    for (int i = 0; i < 27; i++) {
      People.provision(identity, prefix);
    }
    Browser owner = owner();
    Page first = owner.get("/admin/users?q=" + prefix);
    assertThat(first.body().split(prefix + "[0-9a-f]{8}@example.com", -1)).hasSize(26);
    Matcher next = NEXT.matcher(first.body());
    assertThat(next.find()).isTrue();
    Page rest = owner.get(next.group(1).replace("&amp;", "&"), Map.of("HX-Request", "true"));
    assertThat(rest.body()).doesNotContain("<html").contains("<tr>");
    assertThat(rest.body().split(prefix + "[0-9a-f]{8}@example.com", -1)).hasSize(3);
    assertThat(NEXT.matcher(rest.body()).find()).as("the last page").isFalse();
  }

  @Test
  void changesRolesBansAndUnbansFromTheMembersPage() {
    Person member = People.provision(identity, "adm");
    Browser owner = owner();
    String page = "/admin/users/" + member.id();
    owner.get(page);
    assertThat(owner.post(page + "/roles", Map.of("roles", "VOLUNTEER")).status()).isEqualTo(302);
    assertThat(identity.find(new AccountId(member.id())).orElseThrow().roles())
        .containsExactlyInAnyOrder(Role.MEMBER, Role.VOLUNTEER);
    assertThat(owner.get("/admin/users?role=VOLUNTEER").body()).contains(member.email());

    owner.get(page);
    assertThat(owner.post(page + "/ban", Map.of("reason", "Spam", "until", "")).status())
        .isEqualTo(302);
    assertThat(owner.get("/admin/users?q=" + member.email()).body()).contains("Suspended");
    assertThat(identity.find(new AccountId(member.id())).orElseThrow().status())
        .isEqualTo(AccountStatus.BANNED);
    owner.get(page);
    assertThat(owner.post(page + "/unban", Map.of()).status()).isEqualTo(302);
    assertThat(identity.find(new AccountId(member.id())).orElseThrow().status())
        .isEqualTo(AccountStatus.ACTIVE);
    assertThat(new Browser(port).signIn(member.email(), People.PASSWORD).location())
        .doesNotContain("error");
  }
}
