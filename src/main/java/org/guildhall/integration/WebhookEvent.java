package org.guildhall.integration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The events an endpoint can subscribe to, by the name that goes into the payload's {@code type}
 * and the owner's form. {@link #TEST} is sent only by the owner's "Send a test event".
 */
public enum WebhookEvent {
  MEMBER_JOINED("member.joined"),
  MEMBER_BANNED("member.banned"),
  MEMBER_UNBANNED("member.unbanned"),
  ORDER_PAID("order.paid"),
  ORDER_REFUNDED("order.refunded"),
  MEMBERSHIP_TRIAL_STARTED("membership.trial_started"),
  MEMBERSHIP_PAID("membership.paid"),
  MEMBERSHIP_CANCELED("membership.canceled"),
  MEMBERSHIP_EXPIRED("membership.expired"),
  TEST("webhook.test");

  private final String type;

  WebhookEvent(String type) {
    this.type = type;
  }

  /** The wire name, e.g. {@code order.paid}. */
  public String type() {
    return type;
  }

  /** The events an endpoint can choose, in the order the form lists them. */
  public static List<WebhookEvent> subscribable() {
    return Arrays.stream(values()).filter(e -> e != TEST).toList();
  }

  public static Optional<WebhookEvent> ofType(String type) {
    return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
  }
}
