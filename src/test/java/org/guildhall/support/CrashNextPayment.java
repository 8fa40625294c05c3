package org.guildhall.support;

import java.util.concurrent.atomic.AtomicBoolean;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.springframework.context.event.EventListener;

/**
 * When armed, fails the transaction of the next order payment once — after the notification was
 * verified and stored in the inbox, before the commit — as a crash there would.
 */
public class CrashNextPayment {

  private final AtomicBoolean armed = new AtomicBoolean();

  public void arm() {
    armed.set(true);
  }

  public void disarm() {
    armed.set(false);
  }

  @EventListener
  void on(OrderPaid paid) {
    if (armed.compareAndSet(true, false)) {
      throw new IllegalStateException("simulated crash before commit");
    }
  }
}
