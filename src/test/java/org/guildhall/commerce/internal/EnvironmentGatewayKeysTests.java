package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.guildhall.commerce.gateway.GatewayKeys;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class EnvironmentGatewayKeysTests {

  @Test
  void readsAKeyFromItsEnvironmentVariable() {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-env",
                Map.of(
                    "GUILDHALL_PAYMENTS_WECHAT_API_V3_KEY", "0123456789abcdef0123456789abcdef")));
    GatewayKeys keys = new EnvironmentGatewayKeys(environment);

    assertThat(keys.get("wechat", "api-v3-key")).contains("0123456789abcdef0123456789abcdef");
    assertThat(keys.get("alipay", "app-id")).isEmpty();
    assertThat(keys.has("wechat", "api-v3-key")).isTrue();
  }

  @Test
  void standsAsideForTheApplicationsOwnKeys() {
    GatewayKeys owners = (gateway, name) -> Optional.of("from the owner's settings");
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.register(EnvironmentGatewayKeys.class);
      context.registerBean("ownersKeys", GatewayKeys.class, () -> owners);
      context.refresh();

      assertThat(context.getBean(GatewayKeys.class)).isSameAs(owners);
    }
  }

  @Test
  void isUsedWhenThereIsNoOther() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(EnvironmentGatewayKeys.class)) {
      assertThat(context.getBean(GatewayKeys.class)).isInstanceOf(EnvironmentGatewayKeys.class);
    }
  }
}
