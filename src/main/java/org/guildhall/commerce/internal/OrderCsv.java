package org.guildhall.commerce.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.guildhall.shared.Money;

/**
 * Orders as CSV rows (RFC 4180: comma-separated, CRLF, a field with a comma, quote or line break is
 * quoted and its quotes doubled). A text cell that a spreadsheet would run as a formula (starting
 * with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '}.
 */
final class OrderCsv {

  static final String HEADER =
      "id,created_at,buyer_id,item,title,status,currency,total,refunded,gateway,payment_ref,paid_at";

  private OrderCsv() {}

  static void header(Writer out) throws IOException {
    // The byte order mark lets spreadsheet programs read the Chinese titles as UTF-8.
    out.write('\uFEFF');
    out.write(HEADER);
    out.write("\r\n");
  }

  static void row(Writer out, OrderRow o) throws IOException {
    out.write(
        String.join(
            ",",
            cell(o.id().toString()),
            cell(instant(o.createdAt())),
            cell(o.buyerId().toString()),
            cell(o.item().toString()),
            cell(o.title()),
            cell(o.status().name()),
            cell(o.total().currency().getCurrencyCode()),
            cell(major(o.total())),
            cell(major(o.refunded())),
            cell(o.gateway()),
            cell(o.paymentRef()),
            cell(instant(o.paidAt()))));
    out.write("\r\n");
  }

  /** One field: neutralised against formula injection, then quoted if it needs to be. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = value;
    char first = text.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  /** Major units with the currency's decimals, e.g. 35.00. */
  static String major(Money money) {
    return money.toMajor().toPlainString();
  }

  /** ISO-8601 in UTC, to the second: 2027-01-31T09:00:00Z. */
  static String instant(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
