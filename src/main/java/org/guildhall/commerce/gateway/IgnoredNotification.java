package org.guildhall.commerce.gateway;

/**
 * A verified notification that asks for nothing to be done; it is answered as accepted so the
 * provider stops retrying.
 */
public class IgnoredNotification extends InvalidNotification {
  public IgnoredNotification(String reason) {
    super(reason);
  }
}
