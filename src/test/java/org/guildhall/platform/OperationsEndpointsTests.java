package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, readiness and Prometheus metrics for the operator. */
@WebIntegrationTest
class OperationsEndpointsTests {

  @LocalServerPort int port;

  @Test
  void reportsHealthLivenessAndReadiness() {
    Browser browser = new Browser(port);
    for (String path :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      Browser.Page page = browser.get(path, Map.of("Accept", "application/json"));
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void servesPrometheusMetricsToTheMachineItself() {
    Browser.Page metrics =
        new Browser(port).get("/actuator/prometheus", Map.of("Accept", "text/plain"));
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .contains("application=\"guildhall\"");
  }
}
