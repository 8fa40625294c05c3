package org.guildhall.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.guildhall.commerce.ItemRef;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityEvents.AccountRegistered;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.integration.WebhookEvent;
import org.guildhall.integration.WebhooksApi;
import org.guildhall.integration.WebhooksApi.DeliveryView;
import org.guildhall.integration.WebhooksApi.EndpointForm;
import org.guildhall.integration.WebhooksApi.EndpointView;
import org.guildhall.membership.MembershipEvents.MembershipCanceled;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.guildhall.support.MutableClock;
import org.guildhall.support.TestClockConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events become signed POSTs to the owner's endpoints: once per event and endpoint however
 * often the event is delivered, retried with backoff while the receiver fails, given up after the
 * last attempt and sent again on request. The receiver is a real HTTP server on 127.0.0.1; the
 * scheduled dispatcher is off in tests and the test runs it, moving time with the test clock.
 */
@SpringBootTest(
    properties = {"guildhall.webhooks.max-attempts=3", "guildhall.webhooks.request-timeout=PT2S"})
@Import(TestClockConfig.class)
class WebhookIntegrationTests {

  record Received(Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  @Autowired WebhooksApi webhooks;
  @Autowired WebhookDispatcher dispatcher;
  @Autowired AccountService accounts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired JsonMapper json;
  @Autowired WebhookLogPruner pruner;
  @Autowired MeterRegistry meters;
  @Autowired WebhookDeliveries deliveries;

  HttpServer server;
  final List<Received> received = new CopyOnWriteArrayList<>();
  final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  /** What the receiver answers with next (instead of {"ok":true}), and whether it then stalls. */
  final Queue<String> bodies = new ConcurrentLinkedQueue<>();

  volatile boolean stallAfterHeaders;
  final List<UUID> created = new ArrayList<>();

  @BeforeEach
  void receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  Map.copyOf(exchange.getRequestHeaders()),
                  new String(body, StandardCharsets.UTF_8)));
          Integer status = answers.poll();
          String text = bodies.poll();
          byte[] answer =
              (text != null ? text : "{\"ok\":" + (status == null) + "}")
                  .getBytes(StandardCharsets.UTF_8);
          if (stallAfterHeaders) {
            exchange.sendResponseHeaders(200, 0); // chunked: headers now, the body never ends
            exchange.getResponseBody().write("{".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            try {
              Thread.sleep(10_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void cleanUp() {
    server.stop(0);
    created.forEach(
        id -> {
          try {
            webhooks.delete(id);
          } catch (DomainException gone) {
            // deleted by the test itself
          }
        });
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  EndpointView endpoint(boolean enabled, WebhookEvent... events) {
    List<String> types = java.util.Arrays.stream(events).map(WebhookEvent::type).toList();
    EndpointView endpoint =
        webhooks.create(new EndpointForm(url(), "test receiver", types, enabled));
    created.add(endpoint.id());
    return endpoint;
  }

  void publish(Object event) {
    transactions.executeWithoutResult(status -> events.publishEvent(event));
  }

  List<DeliveryView> awaitDeliveries(UUID endpoint, int count) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> webhooks.deliveries(endpoint, null, 50).items(), d -> d.size() >= count);
  }

  /** Waits until no listener is still working on an event that mentions {@code text}. */
  void awaitListenersDone(String text) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql(
                        "SELECT COUNT(*) FROM event_publication"
                            + " WHERE serialized_event LIKE ? AND completion_date IS NULL")
                    .param("%" + text + "%")
                    .query(Long.class)
                    .single(),
            count -> count == 0);
  }

  static String expectedSignature(String secret, String id, String timestamp, String body)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    return "v1,"
        + Base64.getEncoder()
            .encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aRegistrationIsPostedSignedToTheEndpointsThatSubscribe() throws Exception {
    EndpointView joined = endpoint(true, WebhookEvent.MEMBER_JOINED);
    EndpointView ordersOnly = endpoint(true, WebhookEvent.ORDER_PAID);
    EndpointView off = endpoint(false, WebhookEvent.MEMBER_JOINED);
    String email = "hook-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    AccountId account = accounts.register(email, "a long pass phrase", "小红", "zh-CN");

    DeliveryView delivery = awaitDeliveries(joined.id(), 1).get(0);
    awaitListenersDone(email);
    assertThat(webhooks.deliveries(ordersOnly.id(), null, 10).items()).isEmpty();
    assertThat(webhooks.deliveries(off.id(), null, 10).items()).isEmpty();
    assertThat(delivery.eventType()).isEqualTo("member.joined");
    assertThat(delivery.pending()).isTrue();

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    assertThat(received).hasSize(1);
    Received request = received.get(0);
    assertThat(request.header("Content-Type")).startsWith("application/json");
    assertThat(request.header("webhook-id")).isEqualTo(delivery.eventId()).startsWith("evt_");
    assertThat(request.header("webhook-timestamp"))
        .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    assertThat(request.header("webhook-signature"))
        .isEqualTo(
            expectedSignature(
                webhooks.secret(joined.id()),
                request.header("webhook-id"),
                request.header("webhook-timestamp"),
                request.body()));
    JsonNode body = json.readTree(request.body());
    assertThat(body.get("id").asString()).isEqualTo(delivery.eventId());
    assertThat(body.get("type").asString()).isEqualTo("member.joined");
    assertThat(body.at("/data/member/id").asString()).isEqualTo(account.value().toString());
    assertThat(body.at("/data/member/email").asString()).isEqualTo(email);
    assertThat(body.at("/data/member/displayName").asString()).isEqualTo("小红");
    assertThat(body.at("/data/language").asString()).isEqualTo("zh-CN");

    DeliveryView done = webhooks.delivery(delivery.id()).orElseThrow();
    assertThat(done.delivered()).isTrue();
    assertThat(done.attempts()).isEqualTo(1);
    assertThat(done.lastStatusCode()).isEqualTo(200);
    assertThat(done.lastResponse()).isEqualTo("{\"ok\":true}");
    assertThat(webhooks.endpoint(joined.id()).orElseThrow().lastStatus()).isEqualTo("DELIVERED");
    assertThat(dispatcher.dispatchDue()).as("nothing left to send").isZero();
    assertThat(received).hasSize(1);
  }

  @Test
  void anEventDeliveredTwiceToTheListenerIsQueuedOnce() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    AccountId id = AccountId.random();
    String email = "twice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    AccountRegistered event = new AccountRegistered(id, email, "Twice", "en", clock.instant());

    // One after the other, as the registry redelivers: two identical publications in flight at
    // once are told apart by the registry only by their serialized form.
    publish(event);
    awaitDeliveries(endpoint.id(), 1);
    awaitListenersDone(email);
    publish(event);
    awaitListenersDone(email);
    assertThat(webhooks.deliveries(endpoint.id(), null, 10).items()).hasSize(1);
  }

  double attempts(String type, String outcome) {
    Counter counter =
        meters
            .find("guildhall.webhooks.attempts")
            .tag("type", type)
            .tag("outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aFailingReceiverIsRetriedWithBackoffUnderTheSameIdThenGivenUpAndCanBeSentAgain() {
    double retriesBefore = attempts("order.paid", "retry");
    double failedBefore = attempts("order.paid", "failed");
    EndpointView endpoint = endpoint(true, WebhookEvent.ORDER_PAID, WebhookEvent.ORDER_REFUNDED);
    UUID order = UUID.randomUUID();
    ItemRef item = new ItemRef("membership", "premium:YEARLY");
    Instant paidAt = clock.instant();
    publish(
        new OrderPaid(
            order, UUID.randomUUID(), item, Money.of(29900, "CNY"), 12, null, null, paidAt));
    UUID id = awaitDeliveries(endpoint.id(), 1).get(0).id();
    awaitListenersDone(order.toString());

    answers.add(500);
    dispatcher.dispatchDue();
    DeliveryView first = webhooks.delivery(id).orElseThrow();
    assertThat(first.pending()).isTrue();
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(first.lastStatusCode()).isEqualTo(500);
    assertThat(first.lastError()).isEqualTo("HTTP 500");
    assertThat(first.nextAttemptAt())
        .isAfterOrEqualTo(clock.instant().plus(Duration.ofSeconds(59)));

    assertThat(dispatcher.dispatchDue()).as("not due before its backoff").isZero();
    assertThat(received).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    answers.add(503);
    dispatcher.dispatchDue();
    assertThat(webhooks.delivery(id).orElseThrow().attempts()).isEqualTo(2);
    clock.advance(Duration.ofMinutes(1));
    assertThat(dispatcher.dispatchDue()).as("the second wait is two minutes").isZero();
    clock.advance(Duration.ofMinutes(1));
    answers.add(500);
    dispatcher.dispatchDue();

    DeliveryView failed = webhooks.delivery(id).orElseThrow();
    assertThat(failed.failed()).as("three attempts allowed here").isTrue();
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.nextAttemptAt()).isNull();
    assertThat(received).hasSize(3);
    assertThat(received).extracting(r -> r.header("webhook-id")).containsOnly(failed.eventId());
    assertThat(received).extracting(Received::body).containsOnly(received.get(0).body());

    JsonNode body = json.readTree(received.get(0).body());
    assertThat(body.at("/data/orderId").asString()).isEqualTo(order.toString());
    assertThat(body.at("/data/total/amountMinor").asLong()).isEqualTo(29900);
    assertThat(body.at("/data/total/amount").asString()).isEqualTo("299.00");
    assertThat(body.at("/data/total/currency").asString()).isEqualTo("CNY");
    assertThat(body.at("/data/item/key").asString()).isEqualTo("premium:YEARLY");

    assertThat(attempts("order.paid", "retry") - retriesBefore).isEqualTo(2);
    assertThat(attempts("order.paid", "failed") - failedBefore).isEqualTo(1);

    webhooks.redeliver(id);
    assertThatThrownBy(() -> webhooks.redeliver(id))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("webhook-delivery-pending"));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    DeliveryView resent = webhooks.delivery(id).orElseThrow();
    assertThat(resent.delivered()).isTrue();
    assertThat(resent.eventId()).isEqualTo(failed.eventId());
    assertThat(received).hasSize(4);
  }

  @Test
  void eachRefundStepIsItsOwnEvent() {
    EndpointView endpoint = endpoint(true, WebhookEvent.ORDER_REFUNDED);
    UUID order = UUID.randomUUID();
    ItemRef item = new ItemRef("membership", "basic:YEARLY");
    Money total = Money.of(9900, "CNY");
    OrderRefunded part =
        new OrderRefunded(
            order,
            UUID.randomUUID(),
            item,
            Money.of(4000, "CNY"),
            Money.of(4000, "CNY"),
            total,
            true,
            clock.instant());
    OrderRefunded rest =
        new OrderRefunded(
            order,
            part.buyerId(),
            item,
            Money.of(5900, "CNY"),
            total,
            total,
            true,
            clock.instant());
    for (OrderRefunded event : List.of(part, rest, rest)) {
      publish(event);
      awaitListenersDone(order.toString());
    }
    List<DeliveryView> deliveries = webhooks.deliveries(endpoint.id(), null, 10).items();
    assertThat(deliveries).hasSize(2);
    assertThat(deliveries).extracting(DeliveryView::eventId).doesNotHaveDuplicates();
    assertThat(deliveries)
        .extracting(d -> json.readTree(d.payload()).at("/data/full").asBoolean())
        .containsExactlyInAnyOrder(true, false);
  }

  @Test
  void aTestEventReachesAnEndpointThatIsOffAndNothingElseDoes() {
    EndpointView off = endpoint(false, WebhookEvent.MEMBER_JOINED);

    UUID test = webhooks.sendTest(off.id());

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    assertThat(received).hasSize(1);
    assertThat(json.readTree(received.get(0).body()).get("type").asString())
        .isEqualTo("webhook.test");
    assertThat(webhooks.delivery(test).orElseThrow().delivered()).isTrue();
  }

  @Test
  void aRotatedSecretSignsTheNextDeliveryAndSecretsAreStoredSealed() throws Exception {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    String before = webhooks.secret(endpoint.id());
    String stored =
        jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
            .param(endpoint.id())
            .query(String.class)
            .single();
    assertThat(stored).doesNotContain(before.substring("whsec_".length())).startsWith("v1:");

    webhooks.rotateSecret(endpoint.id());
    String after = webhooks.secret(endpoint.id());
    assertThat(after).isNotEqualTo(before).startsWith("whsec_");

    webhooks.sendTest(endpoint.id());
    dispatcher.dispatchDue();
    Received request = received.get(0);
    assertThat(request.header("webhook-signature"))
        .isEqualTo(
            expectedSignature(
                after,
                request.header("webhook-id"),
                request.header("webhook-timestamp"),
                request.body()));
  }

  @Test
  void deletingAnEndpointStopsItsDeliveriesAndRemovesItsLog() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    UUID test = webhooks.sendTest(endpoint.id());

    webhooks.delete(endpoint.id());

    assertThat(webhooks.delivery(test)).isEmpty();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(received).isEmpty();
    assertThatThrownBy(() -> webhooks.secret(endpoint.id()))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("webhook-not-found"));
  }

  @Test
  void invalidEndpointsAreRefusedWithEveryFieldAtFaultAndNothingIsStored() {
    int before = webhooks.endpoints().size();
    assertThatThrownBy(
            () ->
                webhooks.create(
                    new EndpointForm("ftp://example.com/in", "x".repeat(201), List.of(), true)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsEntry("url", "webhooks.url.invalid")
                    .containsEntry("description", "webhooks.description.too-long")
                    .containsEntry("events", "webhooks.events.required"));
    assertThatThrownBy(
            () ->
                webhooks.create(
                    new EndpointForm(url(), "", List.of("order.paid", "webhook.test"), true)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.fieldErrors()).containsEntry("events", "webhooks.events.unknown"));
    assertThat(webhooks.endpoints()).hasSize(before);
  }

  @Test
  void aCommunityHasAtMostTwentyEndpoints() {
    int existing = webhooks.endpoints().size();
    for (int i = existing; i < WebhooksApi.MAX_ENDPOINTS; i++) {
      endpoint(true, WebhookEvent.ORDER_PAID);
    }
    assertThatThrownBy(() -> endpoint(true, WebhookEvent.ORDER_PAID))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("webhook-limit"));
    assertThat(webhooks.endpoints()).hasSize(WebhooksApi.MAX_ENDPOINTS);
  }

  @Test
  void finishedDeliveriesLeaveTheLogAfterThirtyDaysAndPendingOnesStay() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    UUID delivered = webhooks.sendTest(endpoint.id());
    dispatcher.dispatchDue();
    answers.add(500); // the next attempt fails: it stays pending, retried later
    UUID pending = webhooks.sendTest(endpoint.id());
    dispatcher.dispatchDue();
    assertThat(webhooks.delivery(pending).orElseThrow().pending()).isTrue();

    clock.advance(Duration.ofDays(29));
    pruner.pruneNow();
    assertThat(webhooks.delivery(delivered)).as("29 days old: kept").isPresent();

    clock.advance(Duration.ofDays(2));
    assertThat(pruner.pruneNow()).isGreaterThanOrEqualTo(1);
    assertThat(webhooks.delivery(delivered)).isEmpty();
    assertThat(webhooks.delivery(pending)).as("never pruned while pending").isPresent();
  }

  @Test
  void aReceiverThatStallsAfterItsHeadersIsCutOffAtTheTimeout() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    UUID test = webhooks.sendTest(endpoint.id());
    stallAfterHeaders = true;

    long started = System.nanoTime();
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));

    DeliveryView delivery = webhooks.delivery(test).orElseThrow();
    assertThat(delivery.pending()).isTrue();
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(delivery.lastError()).isEqualTo("No complete answer within 2 s");
  }

  @Test
  void anAnswerIsKeptAsOneCleanLineEvenWithControlCharacters() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    UUID test = webhooks.sendTest(endpoint.id());
    bodies.add("ok\u0000\r\n" + "x".repeat(3000));

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    DeliveryView delivery = webhooks.delivery(test).orElseThrow();
    assertThat(delivery.delivered()).isTrue();
    assertThat(delivery.lastResponse()).startsWith("ok x").hasSize(500).endsWith("…");
  }

  @Test
  void oneDeadReceiverDoesNotHoldUpTheOthers() throws IOException {
    EndpointView dead = endpoint(true, WebhookEvent.MEMBER_JOINED);
    List<UUID> stuck =
        List.of(
            webhooks.sendTest(dead.id()),
            webhooks.sendTest(dead.id()),
            webhooks.sendTest(dead.id()));
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    List<String> otherReceived = new CopyOnWriteArrayList<>();
    other.createContext(
        "/hook",
        exchange -> {
          otherReceived.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    other.start();
    try {
      EndpointView healthy =
          webhooks.create(
              new EndpointForm(
                  "http://127.0.0.1:" + other.getAddress().getPort() + "/hook",
                  "healthy",
                  List.of("member.joined"),
                  true));
      created.add(healthy.id());
      clock.advance(Duration.ofSeconds(1));
      UUID fine = webhooks.sendTest(healthy.id());
      answers.add(500);

      assertThat(dispatcher.dispatchDue()).isEqualTo(1);

      assertThat(otherReceived).hasSize(1);
      assertThat(webhooks.delivery(fine).orElseThrow().delivered()).isTrue();
      assertThat(received).as("the dead endpoint was tried once").hasSize(1);
      List<DeliveryView> waiting =
          stuck.stream().map(id -> webhooks.delivery(id).orElseThrow()).toList();
      assertThat(waiting).allMatch(DeliveryView::pending);
      assertThat(waiting).extracting(DeliveryView::attempts).containsExactlyInAnyOrder(1, 0, 0);
      assertThat(waiting)
          .allSatisfy(d -> assertThat(d.nextAttemptAt()).isAfter(clock.instant().plusSeconds(59)));
    } finally {
      other.stop(0);
    }
  }

  @Test
  void anAttemptThatBreaksBeforeSendingIsCountedAndTheBatchGoesOn() {
    EndpointView broken = endpoint(true, WebhookEvent.MEMBER_JOINED);
    EndpointView fine = endpoint(true, WebhookEvent.MEMBER_JOINED);
    jdbc.sql("UPDATE webhook_endpoint SET secret = 'v1:AAAA' WHERE id = ?")
        .param(broken.id())
        .update();
    UUID first = webhooks.sendTest(broken.id());
    clock.advance(Duration.ofSeconds(1));
    UUID second = webhooks.sendTest(fine.id());

    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

    DeliveryView failed = webhooks.delivery(first).orElseThrow();
    assertThat(failed.pending()).isTrue();
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).isNotBlank();
    assertThat(webhooks.delivery(second).orElseThrow().delivered()).isTrue();
  }

  @Test
  void aWorkerWhoseLeaseWasTakenOverCannotWriteTheOutcome() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBER_JOINED);
    UUID test = webhooks.sendTest(endpoint.id());
    Instant now = clock.instant();
    WebhookDeliveries table = deliveries;
    assertThat(table.claim(test, now, now.plus(Duration.ofMinutes(5)))).isTrue();

    assertThat(table.markDelivered(test, now.plus(Duration.ofMinutes(4)), 1, 200, null, now))
        .isFalse();
    assertThat(table.markDelivered(test, now.plus(Duration.ofMinutes(5)), 1, 200, null, now))
        .isTrue();
    assertThat(webhooks.delivery(test).orElseThrow().delivered()).isTrue();
  }

  @Test
  void cancellingAgainAfterResumingIsANewEventAndNullFieldsAreSentAsNull() {
    EndpointView endpoint = endpoint(true, WebhookEvent.MEMBERSHIP_CANCELED);
    UUID membership = UUID.randomUUID();
    UUID account = UUID.randomUUID();
    Instant end = clock.instant().plus(Duration.ofDays(20));
    publish(new MembershipCanceled(membership, account, "premium", null, end, clock.instant()));
    awaitListenersDone(membership.toString());
    publish(
        new MembershipCanceled(
            membership, account, "premium", "TOO_EXPENSIVE", end, clock.instant().plusSeconds(60)));
    awaitListenersDone(membership.toString());

    List<DeliveryView> deliveries = webhooks.deliveries(endpoint.id(), null, 10).items();
    assertThat(deliveries).hasSize(2);
    // Both were queued at the same (test) instant: find the first cancellation by its time.
    JsonNode first =
        deliveries.stream()
            .map(d -> json.readTree(d.payload()))
            .filter(p -> p.at("/data/canceledAt").asString().equals(clock.instant().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(first.get("data").has("reason")).isTrue();
    assertThat(first.at("/data/reason").isNull()).isTrue();
    assertThat(first.at("/data/accessUntil").asString()).isEqualTo(end.toString());
  }

  @Test
  void aDeliveryToAnEndpointThatIsOffIsNotSentAgainUntilItIsOn() {
    EndpointView endpoint = endpoint(true, WebhookEvent.ORDER_PAID);
    UUID order = UUID.randomUUID();
    publish(
        new OrderPaid(
            order,
            UUID.randomUUID(),
            new ItemRef("membership", "basic:YEARLY"),
            Money.of(9900, "CNY"),
            12,
            null,
            null,
            clock.instant()));
    UUID id = awaitDeliveries(endpoint.id(), 1).get(0).id();
    awaitListenersDone(order.toString());
    dispatcher.dispatchDue();
    assertThat(webhooks.delivery(id).orElseThrow().delivered()).isTrue();
    JsonNode body = json.readTree(received.get(0).body());
    assertThat(body.get("data").has("renewalOf")).isTrue();
    assertThat(body.at("/data/renewalOf").isNull()).isTrue();

    webhooks.update(
        endpoint.id(), new EndpointForm(endpoint.url(), "", List.of("order.paid"), false));
    assertThatThrownBy(() -> webhooks.redeliver(id))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("webhook-endpoint-off"));
    assertThat(webhooks.delivery(id).orElseThrow().delivered()).isTrue();
  }
}
