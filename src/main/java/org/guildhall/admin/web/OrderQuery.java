package org.guildhall.admin.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.guildhall.commerce.OrderFilter;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.platform.DomainException;

/**
 * The order filters as the list page, the CSV link and the API take them from the query string:
 * {@code q} (an order id prefix, a payment reference or a buyer's e-mail address), {@code status},
 * {@code gateway}, {@code kind}, and {@code from} / {@code to} (dates, both days included, in the
 * owner's time zone; UTC over the API). Values are kept as typed so the form shows them again.
 */
public record OrderQuery(
    String q, String status, String gateway, String kind, String from, String to) {

  static final int MAX_TEXT = 254;

  /** No account has this id: an e-mail address that belongs to nobody matches no order. */
  static final UUID NOBODY = new UUID(0, 0);

  public OrderQuery {
    q = clean(q);
    if (q.length() > MAX_TEXT) {
      q = q.substring(0, MAX_TEXT);
    }
    status = clean(status);
    gateway = clean(gateway);
    kind = clean(kind);
    from = clean(from);
    to = clean(to);
  }

  private static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  public boolean filtered() {
    return !(q.isEmpty()
        && status.isEmpty()
        && gateway.isEmpty()
        && kind.isEmpty()
        && from.isEmpty()
        && to.isEmpty());
  }

  /**
   * The filter for commerce. A value that cannot be read is reported in {@code errors} (field →
   * message key) and left out of the filter; the page ignores it, the API refuses it.
   */
  OrderFilter toFilter(IdentityApi identity, ZoneId zone, Map<String, String> errors) {
    OrderStatus statusFilter = null;
    if (!status.isEmpty()) {
      try {
        statusFilter = OrderStatus.valueOf(status.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put("status", "validation.orders.status");
      }
    }
    Instant createdFrom = day(from, "from", zone, errors);
    Instant createdBefore = day(to, "to", zone, errors);
    if (createdBefore != null) {
      createdBefore = createdBefore.atZone(zone).plusDays(1).toInstant();
    }
    if (createdFrom != null && createdBefore != null && !createdBefore.isAfter(createdFrom)) {
      errors.put("to", "validation.orders.dates");
      createdBefore = null;
    }
    String text = null;
    UUID buyer = null;
    if (q.contains("@")) {
      buyer =
          identity.search(q, null, null, 20).items().stream()
              .filter(a -> a.email().equalsIgnoreCase(q))
              .map(AccountSummary::id)
              .map(id -> id.value())
              .findFirst()
              .orElse(NOBODY);
    } else if (!q.isEmpty()) {
      text = q;
    }
    return new OrderFilter(statusFilter, gateway, kind, createdFrom, createdBefore, text, buyer);
  }

  private static Instant day(String value, String field, ZoneId zone, Map<String, String> errors) {
    if (value.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(value).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      errors.put(field, "validation.orders.date");
      return null;
    }
  }

  /** The filter for the API: anything unreadable is a 422 with every field error. */
  OrderFilter toFilterOrThrow(IdentityApi identity, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    OrderFilter filter = toFilter(identity, zone, errors);
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    return filter;
  }

  /** The filters as a query string ({@code q=…&status=…}), without the empty ones. */
  String queryString() {
    StringJoiner joiner = new StringJoiner("&");
    add(joiner, "q", q);
    add(joiner, "status", status);
    add(joiner, "gateway", gateway);
    add(joiner, "kind", kind);
    add(joiner, "from", from);
    add(joiner, "to", to);
    return joiner.toString();
  }

  /** {@code path} with these filters and then {@code extra} ({@code after=…}) if any. */
  String url(String path, String extra) {
    String query = queryString();
    if (extra != null && !extra.isEmpty()) {
      query = query.isEmpty() ? extra : query + "&" + extra;
    }
    return query.isEmpty() ? path : path + "?" + query;
  }

  private static void add(StringJoiner joiner, String name, String value) {
    if (!value.isEmpty()) {
      joiner.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
