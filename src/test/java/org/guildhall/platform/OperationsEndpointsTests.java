package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Health, readiness and Prometheus metrics for the operator. */
@WebIntegrationTest
class OperationsEndpointsTests {

  @LocalServerPort int port;
  @Autowired WebApplicationContext context;

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

  /**
   * MockMvc over the same application (with its session and security filters), to send requests
   * from another machine's address.
   */
  MockMvc fromElsewhere() {
    return MockMvcBuilders.webAppContextSetup(context)
        .addFilters(
            context.getBean("springSessionRepositoryFilter", Filter.class),
            context.getBean("springSecurityFilterChain", Filter.class))
        .build();
  }

  /** The session cookie of a real sign-in. */
  Cookie signedIn(String email) {
    Browser browser = new Browser(port);
    browser.signIn(email, "guildhall-demo");
    return new Cookie("GUILDHALL_SESSION", browser.cookie("GUILDHALL_SESSION").orElseThrow());
  }

  static RequestPostProcessor remote(String address) {
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  @Test
  void metricsFromAnotherMachineAreForTheOwnerOnly() throws Exception {
    MockMvc mvc = fromElsewhere();
    MvcResult anonymous =
        mvc.perform(get("/actuator/prometheus").with(remote("203.0.113.9"))).andReturn();
    assertThat(anonymous.getResponse().getStatus()).isNotEqualTo(200);
    assertThat(anonymous.getResponse().getContentAsString()).doesNotContain("jvm_memory");

    MvcResult member =
        mvc.perform(
                get("/actuator/prometheus")
                    .with(remote("203.0.113.9"))
                    .cookie(signedIn("premium@guildhall.demo")))
            .andReturn();
    assertThat(member.getResponse().getStatus()).isEqualTo(403);
    assertThat(member.getResponse().getContentAsString()).doesNotContain("jvm_memory");

    MvcResult owner =
        mvc.perform(
                get("/actuator/prometheus")
                    .with(remote("203.0.113.9"))
                    .cookie(signedIn("owner@guildhall.demo")))
            .andReturn();
    assertThat(owner.getResponse().getStatus()).isEqualTo(200);
    assertThat(owner.getResponse().getContentAsString()).contains("jvm_memory_used_bytes");

    MvcResult health =
        mvc.perform(get("/actuator/health/readiness").with(remote("203.0.113.9"))).andReturn();
    assertThat(health.getResponse().getStatus()).as("probes are open to all").isEqualTo(200);
    assertThat(health.getResponse().getContentAsString()).doesNotContain("components");
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
