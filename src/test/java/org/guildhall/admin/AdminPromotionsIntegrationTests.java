package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.admin.CommerceFixtures.Buyer;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coupons, limited-time offers and group-buy deals: every bad field is reported at once and nothing
 * is stored; good ones are created, listed, paused and resumed.
 */
@WebIntegrationTest
class AdminPromotionsIntegrationTests {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  CommerceFixtures fixtures;
  Browser owner;

  @BeforeEach
  void signIn() {
    fixtures = new CommerceFixtures(context, port);
    owner = fixtures.owner();
  }

  long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  static Map<String, String> coupon(String code) {
    Map<String, String> form = new HashMap<>();
    form.put("code", code);
    form.put("percentOff", "20");
    form.put("amountOff", "");
    form.put("scopeKind", "membership");
    form.put("scopeKey", "premium");
    form.put("startsAt", "2020-01-01T00:00");
    form.put("endsAt", "2099-12-31T23:59");
    form.put("totalLimit", "100");
    form.put("perPersonLimit", "1");
    form.put("firstPurchaseOnly", "true");
    form.put("active", "true");
    return form;
  }

  @Test
  void refusesEveryBadCouponFieldAtOnceAndStoresNothing() {
    long before = count("SELECT COUNT(*) FROM coupon");
    owner.get("/admin/coupons/new");
    Map<String, String> bad = coupon("x!");
    bad.put("percentOff", "150");
    bad.put("scopeKind", "spaceship");
    bad.put("scopeKey", "not a key");
    bad.put("startsAt", "2027-02-01T10:00");
    bad.put("endsAt", "2027-01-01T10:00");
    bad.put("totalLimit", "0");
    bad.put("perPersonLimit", "0");
    Page refused = owner.post("/admin/coupons", bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"form-errors\"")
        .contains("data-testid=\"error-code\"")
        .contains("data-testid=\"error-percentOff\"")
        .contains("data-testid=\"error-scopeKind\"")
        .contains("data-testid=\"error-scopeKey\"")
        .contains("data-testid=\"error-endsAt\"")
        .contains("data-testid=\"error-totalLimit\"")
        .contains("data-testid=\"error-perPersonLimit\"")
        .contains("The end must be after the start.")
        // what the owner typed is kept
        .contains("value=\"not a key\"");

    Map<String, String> both = coupon(CommerceFixtures.unique("BOTH"));
    both.put("amountOff", "5");
    Page twice = owner.post("/admin/coupons", both);
    assertThat(twice.status()).isEqualTo(422);
    assertThat(twice.body()).contains("data-testid=\"error-amountOff\"").contains("not both");

    Map<String, String> neither = coupon(CommerceFixtures.unique("NONE"));
    neither.put("percentOff", "");
    neither.put("amountOff", "9.999");
    assertThat(owner.post("/admin/coupons", neither).body())
        .contains("data-testid=\"error-amountOff\"");

    assertThat(count("SELECT COUNT(*) FROM coupon")).isEqualTo(before);
  }

  @Test
  void createsACouponCaseInsensitivelyUniqueAndPausesIt() throws Exception {
    String code = CommerceFixtures.unique("spring-").toLowerCase();
    owner.get("/admin/coupons/new");
    Page created = owner.post("/admin/coupons", coupon(code));
    assertThat(created.status()).isEqualTo(302);
    assertThat(created.location()).endsWith("/admin/coupons");
    String stored = code.toUpperCase();
    assertThat(count("SELECT COUNT(*) FROM coupon WHERE code = ? AND active = TRUE", stored))
        .isOne();

    owner.get("/admin/coupons/new");
    Page again = owner.post("/admin/coupons", coupon(stored));
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.body()).contains("Another coupon already has this code.");
    assertThat(count("SELECT COUNT(*) FROM coupon WHERE code = ?", stored)).isOne();

    // a buyer's checkout holds one use
    Buyer buyer = fixtures.buyer();
    fixtures.checkout(buyer, code);

    Page list = owner.get("/admin/coupons");
    assertThat(list.body())
        .contains("data-code=\"" + stored + "\"")
        .contains("20% off")
        .contains("100 in total")
        .contains("First purchase");
    UUID id =
        jdbc.sql("SELECT id FROM coupon WHERE code = ?").param(stored).query(UUID.class).single();

    String token = fixtures.token("owner@guildhall.demo", "guildhall-demo");
    JsonNode page =
        json.readTree(fixtures.api("GET", "/api/v1/admin/coupons?size=100", token, null).body());
    JsonNode mine = null;
    for (JsonNode c : page.get("items")) {
      if (c.get("code").asString().equals(stored)) {
        mine = c;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.get("reserved").asInt()).isEqualTo(1);
    assertThat(mine.get("paidUses").asLong()).isZero();
    assertThat(mine.get("percentOff").asInt()).isEqualTo(20);

    assertThat(owner.post("/admin/coupons/" + id + "/active", Map.of("active", "false")).status())
        .isEqualTo(302);
    assertThat(count("SELECT COUNT(*) FROM coupon WHERE id = ? AND active = FALSE", id)).isOne();
    owner.get("/admin/coupons");
    assertThat(owner.post("/admin/coupons/" + id + "/active", Map.of("active", "true")).status())
        .isEqualTo(302);
    assertThat(count("SELECT COUNT(*) FROM coupon WHERE id = ? AND active = TRUE", id)).isOne();
    fixtures.cancelPending(buyer);
  }

  @Test
  void theApiCreatesCouponsAndListsEveryFieldError() throws Exception {
    String token = fixtures.token("owner@guildhall.demo", "guildhall-demo");
    long before = count("SELECT COUNT(*) FROM coupon");
    HttpResponse<String> bad =
        fixtures.api(
            "POST",
            "/api/v1/admin/coupons",
            token,
            "{\"code\": \"a\", \"amountOffMinor\": -5, \"perPersonLimit\": 0, \"totalLimit\": 0}");
    assertThat(bad.statusCode()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    json.readTree(bad.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
    assertThat(fields)
        .containsExactlyInAnyOrder("code", "amountOffMinor", "perPersonLimit", "totalLimit");
    assertThat(count("SELECT COUNT(*) FROM coupon")).isEqualTo(before);

    String code = CommerceFixtures.unique("API_");
    HttpResponse<String> good =
        fixtures.api(
            "POST",
            "/api/v1/admin/coupons",
            token,
            "{\"code\": \"" + code + "\", \"amountOffMinor\": 990, \"scopeKind\": \"membership\"}");
    assertThat(good.statusCode()).isEqualTo(201);
    JsonNode coupon = json.readTree(good.body());
    assertThat(coupon.get("code").asString()).isEqualTo(code.toUpperCase());
    assertThat(coupon.get("amountOffMinor").asLong()).isEqualTo(990);
    assertThat(coupon.get("perPersonLimit").asInt()).isEqualTo(1);
    assertThat(coupon.get("active").asBoolean()).isTrue();
  }

  static Map<String, String> offer() {
    Map<String, String> form = new HashMap<>();
    form.put("nameEn", "Far future sale");
    form.put("nameZh", "遥远的促销");
    form.put("scopeKind", "membership");
    // an item that does not exist: this offer never changes another test's prices
    form.put("scopeKey", CommerceFixtures.unique("zz-none-"));
    form.put("percentOff", "");
    form.put("amountOff", "5");
    form.put("startsAt", "2098-01-01T00:00");
    form.put("endsAt", "2098-01-08T00:00");
    form.put("active", "true");
    return form;
  }

  @Test
  void offersNeedNamesADiscountAndAWindowAndCanBePaused() {
    long before = count("SELECT COUNT(*) FROM offer");
    owner.get("/admin/offers/new");
    Map<String, String> bad = offer();
    bad.put("nameEn", "");
    bad.put("nameZh", " ");
    bad.put("amountOff", "");
    bad.put("startsAt", "");
    bad.put("endsAt", "");
    Page refused = owner.post("/admin/offers", bad);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-nameEn\"")
        .contains("data-testid=\"error-nameZh\"")
        .contains("data-testid=\"error-percentOff\"")
        .contains("data-testid=\"error-startsAt\"")
        .contains("data-testid=\"error-endsAt\"");
    Map<String, String> backwards = offer();
    backwards.put("endsAt", "2097-12-31T00:00");
    Page wrongWay = owner.post("/admin/offers", backwards);
    assertThat(wrongWay.status()).isEqualTo(422);
    assertThat(wrongWay.body()).contains("data-testid=\"error-endsAt\"");
    assertThat(count("SELECT COUNT(*) FROM offer")).isEqualTo(before);

    Map<String, String> good = offer();
    Page created = owner.post("/admin/offers", good);
    assertThat(created.status()).isEqualTo(302);
    UUID id =
        jdbc.sql("SELECT id FROM offer WHERE scope_key = ?")
            .param(good.get("scopeKey"))
            .query(UUID.class)
            .single();
    Page list = owner.get("/admin/offers");
    assertThat(list.body())
        .contains("data-offer=\"" + id + "\"")
        .contains("Far future sale")
        .contains("data-phase=\"UPCOMING\"");
    assertThat(owner.post("/admin/offers/" + id + "/active", Map.of("active", "false")).status())
        .isEqualTo(302);
    assertThat(count("SELECT COUNT(*) FROM offer WHERE id = ? AND active = FALSE", id)).isOne();
  }

  @Test
  void groupDealsNeedAnExistingItemAPriceBelowItsListPriceAndSaneLimits() {
    long before = count("SELECT COUNT(*) FROM group_deal");
    owner.get("/admin/group-deals/new");
    Page refused =
        owner.post(
            "/admin/group-deals",
            Map.of("item", "premium", "groupPrice", "0", "size", "1", "hoursToFill", "721"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-item\"")
        .contains("data-testid=\"error-groupPrice\"")
        .contains("data-testid=\"error-size\"")
        .contains("data-testid=\"error-hoursToFill\"");

    Page missing =
        owner.post(
            "/admin/group-deals",
            Map.of(
                "item",
                "membership/nothing:MONTHLY",
                "groupPrice",
                "9",
                "size",
                "3",
                "hoursToFill",
                "24"));
    assertThat(missing.body()).contains("No item on sale has this reference.");
    Page tooDear =
        owner.post(
            "/admin/group-deals",
            Map.of(
                "item",
                "membership/premium:MONTHLY",
                "groupPrice",
                "35",
                "size",
                "3",
                "hoursToFill",
                "24"));
    assertThat(tooDear.status()).isEqualTo(422);
    assertThat(tooDear.body()).contains("below the item’s list price");
    assertThat(count("SELECT COUNT(*) FROM group_deal")).isEqualTo(before);

    // created paused ("active" unticked), so no checkout elsewhere sees it
    Page created =
        owner.post(
            "/admin/group-deals",
            Map.of(
                "item",
                "membership/premium:MONTHLY",
                "groupPrice",
                "29.90",
                "size",
                "3",
                "hoursToFill",
                "48"));
    assertThat(created.status()).isEqualTo(302);
    String dealPath = created.location().substring(created.location().indexOf("/admin/"));
    UUID id = UUID.fromString(dealPath.substring("/admin/group-deals/".length()));
    assertThat(count("SELECT COUNT(*) FROM group_deal WHERE id = ? AND active = FALSE", id))
        .isOne();
    Page deal = owner.get(dealPath);
    assertThat(deal.status()).isEqualTo(200);
    assertThat(deal.body())
        .contains("membership/premium:MONTHLY")
        .contains("¥29.90")
        .contains("No groups yet");
    assertThat(owner.get("/admin/group-deals").body()).contains("data-deal=\"" + id + "\"");

    assertThat(
            owner
                .post(
                    "/admin/group-deals/" + id + "/active",
                    Map.of("active", "true", "back", "deal"))
                .location())
        .endsWith(dealPath);
    assertThat(count("SELECT COUNT(*) FROM group_deal WHERE id = ? AND active = TRUE", id)).isOne();
    owner.get(dealPath);
    owner.post("/admin/group-deals/" + id + "/active", Map.of("active", "false"));
    assertThat(count("SELECT COUNT(*) FROM group_deal WHERE id = ? AND active = FALSE", id))
        .isOne();
    assertThat(owner.get("/admin/group-deals/" + UUID.randomUUID()).status()).isEqualTo(404);
  }
}
