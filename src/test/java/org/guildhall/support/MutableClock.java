package org.guildhall.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock tests can move forward. Starts at the real time so database defaults agree, and like the
 * application's clock it has microsecond precision, as the database does.
 */
public final class MutableClock extends Clock {

  private volatile Instant now = realNow();

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  public void reset() {
    now = realNow();
  }

  private static Instant realNow() {
    return Clock.systemUTC().instant().truncatedTo(ChronoUnit.MICROS);
  }
}
