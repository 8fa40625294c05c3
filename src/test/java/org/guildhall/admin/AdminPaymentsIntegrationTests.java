package org.guildhall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.guildhall.support.Browser;
import org.guildhall.support.Browser.Page;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Payment settings: keys are stored sealed and never shown back, the environment wins, an empty
 * field keeps a key and "clear" removes it; an unconfigured gateway cannot be chosen; the sandbox's
 * fault settings are checked.
 */
@WebIntegrationTest
class AdminPaymentsIntegrationTests {

  static final String ENVIRONMENT = "admin-payments-test";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;
  @Autowired GatewayKeys keys;
  @Autowired CommerceAdminApi admin;
  @Autowired ConfigurableEnvironment environment;

  Browser owner;

  @BeforeEach
  void signIn() {
    owner = new CommerceFixtures(context, port).owner();
  }

  @AfterEach
  void tidy() {
    environment.getPropertySources().remove(ENVIRONMENT);
    jdbc.sql("DELETE FROM installation_setting WHERE setting_key LIKE 'payments.wechat.%'")
        .update();
  }

  Optional<String> stored(String key) {
    return jdbc.sql("SELECT setting_value FROM installation_setting WHERE setting_key = ?")
        .param(key)
        .query(String.class)
        .optional();
  }

  @Test
  void keysAreSealedAtRestNeverShownBackAndTheEnvironmentWins() {
    String appId = CommerceFixtures.unique("wx-app-");
    String merchant = CommerceFixtures.unique("mch-");
    String pem =
        "-----BEGIN PRIVATE KEY-----\nMIIEv"
            + CommerceFixtures.unique("")
            + "\n-----END PRIVATE KEY-----";
    Page page = owner.get("/admin/payments");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("data-testid=\"keys-wechat\"").contains("Not set");

    Page saved =
        owner.post(
            "/admin/payments/keys/wechat",
            Map.of("app-id", appId, "merchant-id", merchant, "private-key", pem, "api-v3-key", ""));
    assertThat(saved.status()).isEqualTo(302);

    String sealedAppId = stored("payments.wechat.app-id").orElseThrow();
    assertThat(sealedAppId).startsWith("v1:").doesNotContain(appId);
    assertThat(stored("payments.wechat.private-key").orElseThrow())
        .doesNotContain("MIIEv")
        .doesNotContain("PRIVATE KEY");
    assertThat(stored("payments.wechat.api-v3-key")).as("an empty field stores nothing").isEmpty();
    assertThat(keys.get("wechat", "app-id")).contains(appId);

    Page shown = owner.get("/admin/payments");
    assertThat(shown.body())
        .doesNotContain(appId)
        .doesNotContain(merchant)
        .doesNotContain("MIIEv")
        .contains("data-source=\"SET\"")
        .contains("name=\"clear\" value=\"app-id\"");

    // an empty field keeps the stored value
    owner.post("/admin/payments/keys/wechat", Map.of("app-id", "", "merchant-id", ""));
    assertThat(stored("payments.wechat.app-id")).contains(sealedAppId);

    // the environment wins over the stored value and is not editable here
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                ENVIRONMENT,
                Map.<String, Object>of(
                    "guildhall.payments.wechat.app-id", "from-the-environment")));
    assertThat(keys.get("wechat", "app-id")).contains("from-the-environment");
    assertThat(owner.get("/admin/payments").body())
        .contains("data-source=\"ENVIRONMENT\"")
        .contains("GUILDHALL_PAYMENTS_WECHAT_APP_ID")
        .doesNotContain("from-the-environment");
    environment.getPropertySources().remove(ENVIRONMENT);

    // "clear" removes a stored value
    owner.get("/admin/payments");
    assertThat(
            owner
                .post("/admin/payments/keys/wechat", Map.of("app-id", "", "clear", "app-id"))
                .status())
        .isEqualTo(302);
    assertThat(stored("payments.wechat.app-id")).isEmpty();
    assertThat(stored("payments.wechat.merchant-id")).isPresent();

    owner.get("/admin/payments");
    Page tooLong =
        owner.post("/admin/payments/keys/wechat", Map.of("merchant-id", "x".repeat(10_001)));
    assertThat(tooLong.status()).isEqualTo(422);
    assertThat(tooLong.body()).contains("data-testid=\"error-merchant-id\"");
    assertThat(owner.post("/admin/payments/keys/paypal", Map.of("x", "y")).status()).isEqualTo(404);
  }

  @Test
  void aGatewayWithoutItsKeysCannotBeChosen() {
    owner.get("/admin/payments");
    Page refused = owner.post("/admin/payments/gateway", Map.of("gateway", "stripe"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-gateway\"")
        .contains("keys are incomplete");
    assertThat(admin.paymentSettings().active()).isEqualTo("sandbox");
    assertThat(admin.paymentSettings().chosen()).isEqualTo("sandbox");

    Page unknown = owner.post("/admin/payments/gateway", Map.of("gateway", "paypal"));
    assertThat(unknown.status()).isEqualTo(422);

    Page sandbox = owner.post("/admin/payments/gateway", Map.of("gateway", "sandbox"));
    assertThat(sandbox.status()).isEqualTo(302);
    assertThat(owner.get("/admin/payments").body())
        .contains("New checkouts now use Sandbox.")
        .contains("value=\"sandbox\" checked");
  }

  @Test
  void sandboxFaultsAreCheckedBeforeTheyAreSaved() {
    var before = admin.paymentSettings().faults();
    owner.get("/admin/payments");
    Page refused =
        owner.post(
            "/admin/payments/sandbox",
            Map.of("copies", "0", "delaySeconds", "90000", "drop", "true"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body())
        .contains("data-testid=\"error-copies\"")
        .contains("data-testid=\"error-delaySeconds\"")
        .contains("value=\"90000\"");
    assertThat(admin.paymentSettings().faults()).isEqualTo(before);

    Page saved = owner.post("/admin/payments/sandbox", Map.of("copies", "1", "delaySeconds", "0"));
    assertThat(saved.status()).isEqualTo(302);
    var after = admin.paymentSettings().faults();
    assertThat(after.copies()).isEqualTo(1);
    assertThat(after.delaySeconds()).isZero();
    assertThat(after.reorder()).isFalse();
    assertThat(after.drop()).isFalse();
  }
}
