package org.guildhall.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.People;
import org.guildhall.support.People.Person;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identity pages are well-formed for assistive technology and phones. */
@WebIntegrationTest
class IdentityPagesIntegrationTests {

  static final Pattern ID = Pattern.compile("\\sid=\"([^\"]+)\"");
  static final Pattern LABEL_FOR = Pattern.compile("<label[^>]*\\sfor=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired IdentityApi identity;

  static List<String> all(Pattern pattern, String html) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  static void assertWellFormed(String path, String html) {
    List<String> ids = all(ID, html);
    Set<String> unique = new HashSet<>();
    List<String> duplicates = ids.stream().filter(id -> !unique.add(id)).toList();
    assertThat(duplicates).as("duplicate ids on %s", path).isEmpty();
    assertThat(unique)
        .as("every label of %s points to a field", path)
        .containsAll(all(LABEL_FOR, html));
  }

  @Test
  void everyIdentityPageHasUniqueIdsAndLabelsThatPointToFields() {
    Browser visitor = new Browser(port);
    for (String path : List.of("/register", "/login", "/forgot")) {
      assertWellFormed(path, visitor.get(path).body());
    }
    Person member = People.provision(identity, "page");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    browser.createAccessToken("listed", "7");
    for (String path : List.of("/settings/profile", "/settings/account", "/settings/tokens")) {
      assertWellFormed(path, browser.get(path).body());
    }
    assertThat(browser.get("/settings/account").body())
        .contains("id=\"f-currentPassword\"")
        .contains("id=\"f-password-currentPassword\"");
    assertThat(browser.get("/settings/tokens").body())
        .contains("class=\"table table--stack\" data-testid=\"tokens-table\"")
        .contains("data-label=\"Expires\"");

    Browser owner = new Browser(port).language("en");
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    owner.get("/lang?to=en");
    String list = owner.get("/admin/users?q=" + member.email()).body();
    assertWellFormed("/admin/users", list);
    assertThat(list)
        .as("rows become cards on phones")
        .contains("table--stack")
        .contains("data-label=\"Status\"")
        .contains("<span class=\"muted\">Member</span>");
    String page = owner.get("/admin/users/" + member.id()).body();
    assertWellFormed("/admin/users/{id}", page);
    assertThat(page).contains("data-testid=\"user-status\"").contains("Active");
  }

  @Test
  void savingTheProfileLanguageSwitchesThePages() {
    Person member = People.provision(identity, "lng");
    Browser browser = new Browser(port);
    browser.signIn(member.email(), People.PASSWORD);
    assertThat(browser.get("/settings/profile").body()).contains("lang=\"en\"");
    java.util.Map<String, String> form = new java.util.HashMap<>();
    form.put("displayName", "Lang Person");
    form.put("bio", "");
    form.put("links", "");
    form.put("timeZone", "Asia/Shanghai");
    form.put("language", "zh-CN");
    assertThat(browser.post("/settings/profile", form).status()).isEqualTo(302);
    assertThat(browser.get("/settings/profile").body()).contains("lang=\"zh-CN\"").contains("个人资料");
    assertThat(browser.cookie("gh_lang")).hasValue("zh-CN");
  }

  @Test
  void aFailedSignInKeepsTheEmailInTheFormButNotInTheAddress() {
    Browser browser = new Browser(port);
    Page failed = browser.signIn("  Someone+tag@Example.com ", "not the password");
    assertThat(failed.location()).endsWith("/login?error=credentials");
    assertThat(browser.get(failed.location()).body())
        .contains("value=\"Someone+tag@Example.com\"")
        .contains("data-testid=\"login-error\"");
    assertThat(browser.get("/login").body()).as("once").doesNotContain("Someone+tag@Example.com");
  }
}
