package org.guildhall.commerce.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.guildhall.commerce.gateway.IgnoredNotification;
import org.guildhall.commerce.gateway.InboundNotification;
import org.guildhall.commerce.gateway.InvalidNotification;
import org.guildhall.commerce.gateway.NotificationAck;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.commerce.gateway.VerifiedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The webhook path: verify, then store-and-apply in one transaction, then answer. The answer is
 * computed only after the transaction committed, so the provider hears "accepted" only for what is
 * stored; anything else makes it retry. Concurrent deliveries of one event race on the inbox's
 * primary key; the losers see a duplicate (or a lock conflict, retried) and are acknowledged.
 */
@Component
class NotificationReceiver implements org.guildhall.commerce.PaymentNotifications {

  private static final Logger log = LoggerFactory.getLogger(NotificationReceiver.class);
  private static final int ATTEMPTS = 5;

  private final Gateways gateways;
  private final Settlement settlement;
  private final MeterRegistry meters;

  NotificationReceiver(Gateways gateways, Settlement settlement, MeterRegistry meters) {
    this.gateways = gateways;
    this.settlement = settlement;
    this.meters = meters;
  }

  @Override
  public java.util.Optional<NotificationAck> receive(
      String gatewayId, InboundNotification inbound) {
    return gateways.byId(gatewayId).map(gateway -> receive(gateway, inbound));
  }

  private NotificationAck receive(PaymentGateway gateway, InboundNotification inbound) {
    VerifiedNotification notification;
    try {
      notification = gateway.verify(inbound);
    } catch (IgnoredNotification ignored) {
      count(gateway, "ignored");
      return gateway.accepted();
    } catch (InvalidNotification invalid) {
      log.warn("Refused a {} notification: {}", gateway.id(), invalid.getMessage());
      count(gateway, "invalid");
      return gateway.refused();
    }
    return apply(gateway, notification);
  }

  /** Applies an already verified notification (also used by reconciliation). */
  NotificationAck apply(PaymentGateway gateway, VerifiedNotification notification) {
    for (int attempt = 1; ; attempt++) {
      try {
        Settlement.Outcome outcome = settlement.apply(gateway.id(), notification);
        count(gateway, outcome.name().toLowerCase(java.util.Locale.ROOT));
        return gateway.accepted();
      } catch (Settlement.Mismatch mismatch) {
        log.warn(
            "Refused a {} notification {}: {}",
            gateway.id(),
            notification.eventId(),
            mismatch.getMessage());
        count(gateway, "mismatch");
        return gateway.refused();
      } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
        // Another delivery of the same event (or a concurrent one for the same order) won;
        // trying again either finds the inbox row (a duplicate) or applies cleanly.
        if (attempt >= ATTEMPTS) {
          log.warn(
              "Giving up on {} notification {} for now: {}",
              gateway.id(),
              notification.eventId(),
              raced.getMessage());
          count(gateway, "retry-later");
          return new NotificationAck(503, "text/plain", "busy");
        }
      } catch (RuntimeException failed) {
        // Nothing was committed (the inbox row rolled back with the rest): the provider retries.
        log.error(
            "Could not apply {} notification {}", gateway.id(), notification.eventId(), failed);
        count(gateway, "error");
        return new NotificationAck(500, "text/plain", "error");
      }
    }
  }

  private void count(PaymentGateway gateway, String outcome) {
    meters
        .counter("guildhall.payments.notifications", "gateway", gateway.id(), "outcome", outcome)
        .increment();
  }
}
