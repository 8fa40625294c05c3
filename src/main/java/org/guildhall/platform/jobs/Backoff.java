package org.guildhall.platform.jobs;

import java.time.Duration;

/** Waits between retries of outgoing work (mail, webhooks): doubled after each failure, capped. */
public final class Backoff {

  private Backoff() {}

  /**
   * The wait after the {@code previousAttempts + 1}-th failure: {@code first}, then twice that, and
   * so on, never more than {@code max}.
   */
  public static Duration exponential(Duration first, Duration max, int previousAttempts) {
    int exponent = Math.min(Math.max(previousAttempts, 0), 20);
    Duration delay = first.multipliedBy(1L << exponent);
    return delay.compareTo(max) > 0 ? max : delay;
  }
}
