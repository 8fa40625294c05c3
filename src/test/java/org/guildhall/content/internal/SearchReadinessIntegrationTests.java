package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.guildhall.support.Browser;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * While the start-up rebuild of the search index still runs, the instance is alive but not ready: a
 * load balancer keeps traffic on instances whose search finds everything.
 */
@WebIntegrationTest
class SearchReadinessIntegrationTests {

  @LocalServerPort int port;
  @Autowired SearchIndexer indexer;

  Browser.Page probe(String path) {
    return new Browser(port).get(path, Map.of("Accept", "application/json"));
  }

  @Test
  void readinessIsOutOfServiceUntilTheIndexRebuildEnds() {
    CompletableFuture<Void> rebuild = new CompletableFuture<>();
    indexer.track(rebuild);
    try {
      Browser.Page readiness = probe("/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(503);
      assertThat(readiness.body()).contains("\"status\":\"OUT_OF_SERVICE\"");
      assertThat(probe("/actuator/health/liveness").status())
          .as("alive all the same")
          .isEqualTo(200);
    } finally {
      rebuild.complete(null);
    }
    assertThat(probe("/actuator/health/readiness").status()).isEqualTo(200);

    CompletableFuture<Void> failing = new CompletableFuture<>();
    indexer.track(failing);
    failing.completeExceptionally(new IllegalStateException("cluster unreachable"));
    assertThat(probe("/actuator/health/readiness").status())
        .as("a failed rebuild leaves search incomplete but the instance serves")
        .isEqualTo(200);
  }
}
