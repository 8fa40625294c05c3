package org.guildhall.commerce.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutStart;
import org.guildhall.commerce.OrderView;
import org.guildhall.support.Browser;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * On-demand benchmark (never part of {@code ./mvnw verify}; run by {@code bench/payments.sh}):
 *
 * <ol>
 *   <li>notifications per second with exactly-once effects: N pending orders, each one's signed
 *       payment notification delivered twice (so half are duplicates) by C concurrent senders
 *       through the real webhook endpoint; afterwards every order must be paid once and granted
 *       once;
 *   <li>the checkout page's requests per second and latency, with wrk and a signed-in member's
 *       session cookie.
 * </ol>
 *
 * Sizes come from system properties {@code bench.orders} (2000), {@code bench.senders} (16), {@code
 * bench.wrk.duration} (30s), {@code bench.wrk.connections} (32). Results are printed and written to
 * {@code target/bench/payments.md}.
 */
@WebIntegrationTest
class PaymentsBench {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  @Test
  void measure() throws Exception {
    int orders = Integer.getInteger("bench.orders", 2000);
    int senders = Integer.getInteger("bench.senders", 16);
    PaymentsFixture f = new PaymentsFixture(context, port);
    StringBuilder report = new StringBuilder();

    // 1. notifications
    UUID buyer = f.buyer();
    List<String> bodies = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      CheckoutStart start = f.checkout(buyer, TestItems.item("bench-" + i));
      OrderView order = f.order(start.orderId());
      ids.add(order.id());
      bodies.add(f.paid(order.id(), order.total()));
    }
    List<String> deliveries = new ArrayList<>(bodies);
    deliveries.addAll(bodies);
    java.util.Collections.shuffle(deliveries, new java.util.Random(42));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    long started = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int s = 0; s < senders; s++) {
      work.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement();
                    i < deliveries.size();
                    i = next.getAndIncrement()) {
                  String body = deliveries.get(i);
                  if (f.post(
                          "sandbox",
                          body,
                          Map.of(SandboxGateway.SIGNATURE_HEADER, f.signature(body)))
                      != 200) {
                    failures.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> w : work) {
      w.get();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .until(
            () ->
                f.count("SELECT COUNT(*) FROM item_entitlement WHERE account_id = ?", buyer)
                    == orders);
    double withEffects = (System.nanoTime() - started) / 1e9;
    assertThat(failures.get()).isZero();
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM commerce_order WHERE buyer_id = ? AND status = 'PAID'",
                buyer))
        .isEqualTo(orders);
    assertThat(
            f.count(
                "SELECT COUNT(*) FROM payment_notification n JOIN commerce_order o ON o.id = n.order_id WHERE o.buyer_id = ?",
                buyer))
        .isEqualTo(orders);
    assertThat(f.count("SELECT COUNT(*) FROM item_entitlement WHERE account_id = ?", buyer))
        .isEqualTo(orders);
    report
        .append("| notifications delivered | ")
        .append(deliveries.size())
        .append(" (")
        .append(orders)
        .append(" orders, each twice) |\n");
    report.append("| concurrent senders | ").append(senders).append(" |\n");
    report.append(
        String.format(
            "| answered in | %.1f s → **%.0f notifications/s** |%n",
            seconds, deliveries.size() / seconds));
    report.append(
        String.format(
            "| all effects applied (grants, once each) after | %.1f s → %.0f paid orders/s |%n",
            withEffects, orders / withEffects));

    // 2. checkout page
    String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    f.identity.provision(
        email,
        "bench pass phrase",
        "Bench",
        "bench" + UUID.randomUUID().toString().substring(0, 6),
        java.util.Set.of(org.guildhall.identity.Role.MEMBER),
        "en");
    Browser browser = new Browser(port);
    browser.signIn(email, "bench pass phrase");
    String cookie = "GUILDHALL_SESSION=" + browser.cookie("GUILDHALL_SESSION").orElseThrow();
    String url = f.base() + "/checkout?item=membership/premium:YEARLY";
    List<String> command =
        List.of(
            "wrk",
            "-t2",
            "-c" + Integer.getInteger("bench.wrk.connections", 32),
            "-d" + System.getProperty("bench.wrk.duration", "30s"),
            "--latency",
            "-H",
            "Cookie: " + cookie,
            url);
    new ProcessBuilder(List.of("wrk", "-t2", "-c8", "-d5s", "-H", "Cookie: " + cookie, url))
        .redirectErrorStream(true)
        .start()
        .waitFor();
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    wrk.waitFor();
    String rps = line(out, "Requests/sec:");
    report
        .append("| checkout page (signed in, wrk ")
        .append(String.join(" ", command.subList(1, 5)))
        .append(") | ")
        .append(rps)
        .append(" req/s, p50 ")
        .append(line(out, "50%"))
        .append(", p99 ")
        .append(line(out, "99%"))
        .append(" |\n");
    report.append("\n```\n").append(out).append("```\n");

    Path file = Path.of("target", "bench", "payments.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report.toString());
    System.out.println("\n===== payments benchmark =====\n" + report);
  }

  private static String line(String out, String label) {
    return out.lines()
        .map(String::strip)
        .filter(l -> l.startsWith(label))
        .findFirst()
        .map(l -> l.substring(label.length()).strip().split("\\s+")[0])
        .orElse("?");
  }
}
