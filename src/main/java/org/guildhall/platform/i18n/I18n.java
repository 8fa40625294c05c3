package org.guildhall.platform.i18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.guildhall.shared.Money;
import org.springframework.context.MessageSource;

/**
 * Message lookup and formatting for one request's locale and time zone. Templates call {@code
 * ${ctx.msg("key", args)}}; the result is plain text that jte escapes like any other value.
 */
public final class I18n {

  private final MessageSource messages;
  private final Locale locale;
  private final ZoneId zone;

  public I18n(MessageSource messages, Locale locale, ZoneId zone) {
    this.messages = messages;
    this.locale = locale;
    this.zone = zone;
  }

  /** The message for {@code key} with its {@code {0}} arguments filled in, as plain text. */
  public String msg(String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  public Locale locale() {
    return locale;
  }

  public ZoneId zone() {
    return zone;
  }

  public String dateTime(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(zone)
        .format(instant);
  }

  public String date(Instant instant) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(locale)
        .withZone(zone)
        .format(instant);
  }

  /** ¥99.00 / CN¥99.00 / $9.90, following the locale's conventions. */
  public String money(Money money) {
    NumberFormat format = NumberFormat.getCurrencyInstance(locale);
    format.setCurrency(money.currency());
    if (money.toMajor().stripTrailingZeros().scale() <= 0) {
      format.setMinimumFractionDigits(0);
    }
    // "CN¥" in English: the community's readers know ¥ as the yuan.
    return format.format(money.toMajor()).replace("CN¥", "¥");
  }
}
