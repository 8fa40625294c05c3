package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.guildhall.GuildhallApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shutting down (SIGTERM, or the context closing) lets a request that is in flight finish with its
 * full answer, while readiness turns to refusing and no new connection is taken. The test starts
 * and closes an application of its own (not a cached test context), with the production
 * configuration plus one slow endpoint.
 */
class GracefulShutdownTests {

  /** Answers only when the test says so, like a long export or a slow upload. */
  @RestController
  static class SlowEndpoint {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @GetMapping("/test/slow")
    String slow() throws InterruptedException {
      entered.countDown();
      release.await(30, TimeUnit.SECONDS);
      return "finished after the shutdown began";
    }
  }

  /** Leaves the other tests' classes (fixtures, test configurations) out of component scanning. */
  static class WithoutTestClasses extends TypeExcludeFilter {
    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
      return reader.getResource().getURL().toString().contains("/test-classes/");
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof WithoutTestClasses;
    }

    @Override
    public int hashCode() {
      return WithoutTestClasses.class.hashCode();
    }
  }

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static HttpRequest request(int port, String path, Duration timeout) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(timeout)
        .build();
  }

  @Test
  void anInFlightRequestCompletesWhileTheApplicationShutsDown() throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(GuildhallApplication.class, SlowEndpoint.class)
            .initializers(
                c -> c.getBeanFactory().registerSingleton("testClasses", new WithoutTestClasses()))
            .properties(
                "server.port=0",
                "guildhall.search.reindex-on-start=false",
                "guildhall.demo.enabled=false",
                "guildhall.mail.dispatch-initial-delay=PT1H")
            .run();
    try {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
      SlowEndpoint slow = context.getBean(SlowEndpoint.class);
      assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);

      CompletableFuture<HttpResponse<String>> inFlight =
          HttpClient.newHttpClient()
              .sendAsync(
                  request(port, "/test/slow", Duration.ofSeconds(60)),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(slow.entered.await(10, TimeUnit.SECONDS)).isTrue();

      Thread shutdown = new Thread(context::close, "test-shutdown");
      shutdown.start();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
      // No new request is taken while the one in flight is still being answered.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThatThrownBy(
                          () ->
                              http.send(
                                  request(port, "/", Duration.ofSeconds(2)),
                                  HttpResponse.BodyHandlers.ofString()))
                      .isInstanceOf(IOException.class));
      assertThat(inFlight).isNotDone();

      slow.release.countDown();
      HttpResponse<String> answered = inFlight.get(20, TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(200);
      assertThat(answered.body()).isEqualTo("finished after the shutdown began");
      shutdown.join(Duration.ofSeconds(40).toMillis());
      assertThat(shutdown.isAlive()).isFalse();
      assertThat(context.isActive()).isFalse();
    } finally {
      context.close();
    }
  }
}
