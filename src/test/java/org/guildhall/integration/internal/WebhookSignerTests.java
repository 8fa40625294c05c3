package org.guildhall.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignerTests {

  /** The test vector published with the Standard Webhooks specification and its libraries. */
  @Test
  void reproducesTheStandardWebhooksTestVector() {
    assertThat(
            WebhookSigner.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}"))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void aChangedBodyIdOrTimestampChangesTheSignature() {
    String secret = WebhookSigner.newSecret();
    String signature = WebhookSigner.sign(secret, "evt_1", 1000, "{}");
    assertThat(WebhookSigner.sign(secret, "evt_1", 1000, "{ }")).isNotEqualTo(signature);
    assertThat(WebhookSigner.sign(secret, "evt_2", 1000, "{}")).isNotEqualTo(signature);
    assertThat(WebhookSigner.sign(secret, "evt_1", 1001, "{}")).isNotEqualTo(signature);
    assertThat(WebhookSigner.sign(WebhookSigner.newSecret(), "evt_1", 1000, "{}"))
        .isNotEqualTo(signature);
  }

  @Test
  void newSecretsAreWhsecPrefixedBase64Of32RandomBytes() {
    String first = WebhookSigner.newSecret();
    assertThat(first).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(first.substring("whsec_".length()))).hasSize(32);
    assertThat(WebhookSigner.newSecret()).isNotEqualTo(first);
  }
}
