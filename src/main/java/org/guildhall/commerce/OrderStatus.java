package org.guildhall.commerce;

/** Where an order stands; it moves only forward, by conditional updates. */
public enum OrderStatus {
  PENDING,
  PAID,
  PARTIALLY_REFUNDED,
  REFUNDED,
  CANCELED,
  EXPIRED;

  public boolean paid() {
    return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }
}
