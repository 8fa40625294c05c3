package org.guildhall.content.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * Reading what people type into the studio's forms: each reader puts a message key under the
 * field's name when the text cannot be read, and returns null.
 */
final class StudioFields {

  static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

  private StudioFields() {}

  static String text(String raw) {
    return raw == null ? "" : raw;
  }

  static UUID uuid(String raw, String field, String message, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(raw.strip());
    } catch (IllegalArgumentException e) {
      errors.putIfAbsent(field, message);
      return null;
    }
  }

  static List<UUID> uuids(List<String> raw, String field, Map<String, String> errors) {
    List<UUID> ids = new ArrayList<>();
    if (raw != null) {
      for (String r : raw) {
        UUID id = uuid(r, field, "content.error.media-not-yours", errors);
        if (id != null) {
          ids.add(id);
        }
      }
    }
    return ids;
  }

  static int whole(
      String raw, int min, int max, String field, String message, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return min < 0 ? 0 : min;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.putIfAbsent(field, message);
    return Math.max(min, 0);
  }

  /** Tags separated by commas (Latin or Chinese) or 、; blanks dropped. */
  static List<String> tags(String raw) {
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    return Arrays.stream(raw.split("[,，、]"))
        .map(String::strip)
        .filter(t -> !t.isEmpty())
        .distinct()
        .toList();
  }

  /** A duration as {@code h:mm:ss}, {@code m:ss} or whole minutes; null when blank. */
  static Integer duration(String raw, String field, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String[] parts = raw.strip().split(":");
    try {
      long seconds = 0;
      if (parts.length == 1) {
        seconds = Long.parseLong(parts[0]) * 60;
      } else if (parts.length <= 3) {
        for (int i = 0; i < parts.length; i++) {
          long value = Long.parseLong(parts[i]);
          if (value < 0 || (i > 0 && value > 59)) {
            throw new NumberFormatException();
          }
          seconds = seconds * 60 + value;
        }
      } else {
        throw new NumberFormatException();
      }
      if (seconds >= 0 && seconds <= 24 * 3600) {
        return (int) seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.putIfAbsent(field, "content.error.duration");
    return null;
  }

  /** Seconds as the duration field shows them: {@code m:ss} or {@code h:mm:ss}. */
  static String duration(Integer seconds) {
    if (seconds == null) {
      return "";
    }
    int h = seconds / 3600;
    int m = (seconds % 3600) / 60;
    int s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }

  /** A positive amount in major units (yuan) with at most the currency's decimals. */
  static Money price(String raw, Currency currency, String field, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      BigDecimal major = new BigDecimal(raw.strip().replace(",", ""));
      int digits = currency.getDefaultFractionDigits();
      if (major.signum() > 0 && major.compareTo(MAX_PRICE) <= 0 && major.scale() <= digits) {
        return new Money(major.movePointRight(digits).longValueExact(), currency);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    errors.putIfAbsent(field, "studio.error.price-format");
    return null;
  }

  static String price(Money money) {
    return money == null ? "" : money.toMajor().stripTrailingZeros().toPlainString();
  }

  /**
   * A moment typed as a local date and time in the viewer's zone ({@code 2027-01-31T09:00}), or
   * ISO-8601 with an offset; null when blank.
   */
  static Instant instant(String raw, ZoneId zone, String field, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String text = raw.strip();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      // a local date-time
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      errors.putIfAbsent(field, "studio.error.date");
      return null;
    }
  }

  /** A moment as a {@code datetime-local} input shows it in the viewer's zone. */
  static String local(Instant instant, ZoneId zone) {
    return instant == null
        ? ""
        : LocalDateTime.ofInstant(instant, zone).truncatedTo(ChronoUnit.MINUTES).toString();
  }

  static Long version(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }
}
