package org.guildhall.membership;

import java.util.List;
import org.guildhall.shared.Money;

/** The access policy's answer: allowed and why, or not allowed and the ways in, cheapest first. */
public record AccessDecision(boolean allowed, Reason reason, List<WayIn> waysIn) {

  public AccessDecision {
    waysIn = List.copyOf(waysIn);
  }

  public enum Reason {
    FREE,
    PREVIEW,
    TIER,
    PURCHASE,
    TRIAL,
    AUTHOR,
    STAFF,
    /** Not allowed. */
    NONE
  }

  public static AccessDecision allow(Reason reason) {
    return new AccessDecision(true, reason, List.of());
  }

  /**
   * One way in: start a trial, join (or upgrade to) a tier, buy the item, or join a group buy.
   * {@code path} is where the button goes ({@code /checkout?item=…}, or the trial form's action).
   */
  public record WayIn(
      Kind kind,
      String label,
      Money price,
      BillingPeriod billing,
      String tierSlug,
      int groupSize,
      String path) {

    public enum Kind {
      TRIAL,
      TIER,
      BUY,
      GROUP
    }
  }
}
