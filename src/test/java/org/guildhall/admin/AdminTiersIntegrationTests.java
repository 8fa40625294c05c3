package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The owner creates and edits a tier; bad input is refused field by field and changes nothing. */
@WebIntegrationTest
class AdminTiersIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  Map<String, String> form(String slug, String rank) {
    Map<String, String> form = new HashMap<>();
    form.put("slug", slug);
    form.put("rank", rank);
    form.put("nameZh", "企业会员");
    form.put("nameEn", "Team");
    form.put("descriptionZh", "团队一起学。");
    form.put("descriptionEn", "Learn as a team.");
    form.put("benefitsZh", "全部课程\n团队看板");
    form.put("benefitsEn", "Every course\nTeam dashboard");
    form.put("trialDays", "0");
    form.put("monthly", "");
    form.put("quarterly", "");
    form.put("yearly", "1999");
    form.put("lifetime", "");
    return form;
  }

  long tiers(String slug) {
    return jdbc.sql("SELECT COUNT(*) FROM tier WHERE slug = ?")
        .param(slug)
        .query(Long.class)
        .single();
  }

  @Test
  void createsAHiddenTierRefusingBadInputAndThenEditsItsPrice() {
    Browser owner = new Browser(port).language("en");
    owner.signIn("owner@guildhall.demo", "guildhall-demo");
    owner.get("/lang?to=en&return=/admin/tiers/new");
    owner.get("/admin/tiers/new");
    String slug = "team-" + UUID.randomUUID().toString().substring(0, 6);

    Map<String, String> bad = form("Not A Slug!", "1");
    bad.put("nameEn", "");
    bad.put("yearly", "-5");
    bad.put("trialDays", "365");
    bad.put("memberDiscount", "95");
    bad.put("earlyAccessDays", "61");
    Page refused = owner.post("/admin/tiers", bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-slug\"")
        .contains("data-testid=\"error-rank\"") // rank 1 belongs to Basic
        .contains("data-testid=\"error-nameEn\"")
        .contains("data-testid=\"error-yearly\"")
        .contains("data-testid=\"error-trialDays\"")
        .contains("data-testid=\"error-memberDiscount\"")
        .contains("data-testid=\"error-earlyAccessDays\"");
    assertThat(tiers("Not A Slug!")).isZero();

    Map<String, String> good = form(slug, Integer.toString(50 + (int) (Math.random() * 40)));
    // "active" unticked: hidden from members while the owner prepares it
    assertThat(owner.post("/admin/tiers", good).status()).isEqualTo(302);
    assertThat(tiers(slug)).isOne();
    assertThat(new Browser(port).get("/join").body()).doesNotContain("Team");

    UUID id = jdbc.sql("SELECT id FROM tier WHERE slug = ?").param(slug).query(UUID.class).single();
    Page list = owner.get("/admin/tiers");
    assertThat(list.body()).contains(slug).contains("1999");
    owner.get("/admin/tiers/" + id);
    Map<String, String> edited = new HashMap<>(good);
    edited.put("yearly", "1799.50");
    edited.put("monthly", "199");
    edited.put("privileges", "MENTORING");
    edited.put("earlyAccessDays", "5");
    assertThat(owner.post("/admin/tiers/" + id, edited).status()).isEqualTo(302);
    assertThat(
            jdbc.sql("SELECT privileges || '/' || early_access_days FROM tier WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("MENTORING/5");
    assertThat(owner.get("/admin/tiers/" + id).body()).contains("value=\"MENTORING\" checked");
    assertThat(
            jdbc.sql("SELECT amount_minor FROM tier_price WHERE tier_id = ? AND billing = 'YEARLY'")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(179950L);
    assertThat(owner.get("/admin/tiers/" + id).body())
        .contains("value=\"1799.5\"")
        .contains("value=\"199\"");
  }

  @Test
  void membersCannotEditTiers() {
    Browser member = new Browser(port);
    member.signIn("free@guildhall.demo", "guildhall-demo");
    assertThat(member.get("/admin/tiers").status()).isEqualTo(403);
  }
}
