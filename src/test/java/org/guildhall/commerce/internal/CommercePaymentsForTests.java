package org.guildhall.commerce.internal;

import java.util.UUID;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.springframework.context.ApplicationContext;

/** The sandbox buyer's side, for tests outside this package: pay, deliver, wait. */
public class CommercePaymentsForTests {

  private final PaymentsFixture fixture;

  public CommercePaymentsForTests(ApplicationContext context, int port) {
    this.fixture = new PaymentsFixture(context, port);
  }

  public void pay(UUID orderId) {
    fixture.sandbox.pay(fixture.sessionOf(orderId));
  }

  public void deliver() {
    while (fixture.deliveries.deliverDue() > 0) {
      // deliver until nothing is due
    }
  }

  public OrderView payAndDeliver(UUID orderId) {
    return fixture.payAndDeliver(orderId);
  }

  public OrderView awaitStatus(UUID orderId, OrderStatus status) {
    return fixture.awaitStatus(orderId, status);
  }
}
