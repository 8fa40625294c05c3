package org.guildhall.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses the owner may register, and which the dispatcher refuses to reach. */
class WebhookTargetsTests {

  final WebhookTargets strict = new WebhookTargets(false);
  final WebhookTargets lenient = new WebhookTargets(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/guildhall",
        "http://hooks.example.com:8080/in?source=guildhall",
        "https://93.184.215.14/hook",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook",
        "https://[64:ff9b::5db8:d70e]/hook",
        "https://[2002:5db8:d70e::1]/hook"
      })
  void acceptsPublicHttpAddresses(String url) {
    assertThat(strict.problem(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/hook",
        "http://api.localhost/hook",
        "http://127.0.0.1/hook",
        "http://10.1.2.3/hook",
        "http://172.16.0.5/hook",
        "http://192.168.1.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/hook",
        "http://0.0.0.0/hook",
        "http://[::1]/hook",
        "http://[fd00::1]/hook",
        "http://[fe80::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://localhost./hook",
        "http://198.18.0.1/hook",
        "http://203.0.113.7/hook",
        "http://[::10.0.0.5]/hook",
        "http://[64:ff9b::a00:5]/hook",
        "http://[64:ff9b:1::1]/hook",
        "http://[2002:a00:5::1]/hook",
        "http://[2001:0:4136:e378::1]/hook",
        "http://[2001:db8::1]/hook"
      })
  void refusesPrivateAndLocalAddressesUnlessAllowed(String url) {
    assertThat(strict.problem(url)).contains("webhooks.url.private");
    assertThat(lenient.problem(url)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hooks.example.com/guildhall",
        "ftp://hooks.example.com/in",
        "javascript:alert(1)",
        "https:///no-host",
        "https://user:secret@hooks.example.com/in",
        "https://hooks.example.com/in#part",
        "https://hooks example.com/in"
      })
  void refusesWhatIsNotAFullHttpAddress(String url) {
    assertThat(strict.problem(url)).contains("webhooks.url.invalid");
  }

  @Test
  void requiresAnAddressOfAtMost2000Characters() {
    assertThat(strict.problem("  ")).contains("webhooks.url.required");
    assertThat(strict.problem(null)).contains("webhooks.url.required");
    assertThat(strict.problem("https://hooks.example.com/" + "a".repeat(2000)))
        .contains("webhooks.url.too-long");
  }

  @Test
  void refusesAHostNameThatResolvesToAPrivateAddressAtSendingTime() {
    assertThat(strict.refusal(URI.create("http://localhost:9/hook")))
        .hasValueSatisfying(reason -> assertThat(reason).contains("non-public address"));
    assertThat(strict.refusal(URI.create("http://no-such-host.invalid/hook")))
        .hasValueSatisfying(reason -> assertThat(reason).startsWith("Unknown host"));
    assertThat(lenient.refusal(URI.create("http://localhost:9/hook"))).isEmpty();
  }
}
