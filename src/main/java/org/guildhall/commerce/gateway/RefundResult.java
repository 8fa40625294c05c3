package org.guildhall.commerce.gateway;

/**
 * The provider's answer to a refund request: {@code SUCCEEDED} when it refunded at once (the refund
 * is then settled without waiting for a notification), {@code PENDING} when a notification will
 * follow, {@code FAILED} with the provider's message.
 */
public record RefundResult(Status status, String refundRef, String message) {

  public enum Status {
    SUCCEEDED,
    PENDING,
    FAILED
  }
}
