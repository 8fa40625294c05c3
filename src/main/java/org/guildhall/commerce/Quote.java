package org.guildhall.commerce;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.guildhall.shared.Money;

/**
 * The server's price for one buyer, item, coupon and group at one instant: every line of the
 * computation and the total. {@code offerEndsAt} drives the countdown of a limited-time offer;
 * {@code problems} holds why a coupon or group does not apply (field → message key), so the
 * checkout page can say so while still showing the price without it.
 */
public record Quote(
    Purchasable item,
    List<PriceLine> lines,
    Money total,
    Instant offerEndsAt,
    String couponCode,
    Map<String, String> problems) {

  public Quote {
    lines = List.copyOf(lines);
    problems = Map.copyOf(problems);
  }

  public Money listPrice() {
    return item.listPrice();
  }

  public Money saving() {
    return item.listPrice().minus(total);
  }
}
