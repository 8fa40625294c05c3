package org.guildhall.membership;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.shared.Money;

/**
 * A tier as pages show it, in one language. {@code memberDiscountPercent}: its members' price for
 * items bought by themselves (courses, columns), as a percentage off.
 */
public record TierView(
    UUID id,
    String slug,
    int rank,
    String name,
    String description,
    List<String> benefits,
    int trialDays,
    Map<BillingPeriod, Money> prices,
    int memberDiscountPercent,
    java.util.Set<Privilege> privileges,
    int earlyAccessDays) {

  public TierView {
    benefits = List.copyOf(benefits);
    prices = Map.copyOf(prices);
    privileges = java.util.Set.copyOf(privileges);
  }

  public boolean isFree() {
    return prices.isEmpty() || prices.values().stream().allMatch(m -> m.minor() == 0);
  }

  public Optional<Money> price(BillingPeriod period) {
    return Optional.ofNullable(prices.get(period));
  }

  /**
   * What a year costs on the yearly plan compared with twelve monthly payments, when both exist and
   * the yearly plan is cheaper.
   */
  public Optional<Money> yearlySaving() {
    Money monthly = prices.get(BillingPeriod.MONTHLY);
    Money yearly = prices.get(BillingPeriod.YEARLY);
    if (monthly == null || yearly == null) {
      return Optional.empty();
    }
    Money saving = monthly.times(12).minus(yearly);
    return saving.minor() > 0 ? Optional.of(saving) : Optional.empty();
  }
}
