package org.guildhall.commerce.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.PriceAdjuster;
import org.guildhall.commerce.PriceLine;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.Quote;
import org.guildhall.commerce.internal.CouponStore.Coupon;
import org.guildhall.commerce.internal.GroupStore.Deal;
import org.guildhall.commerce.internal.GroupStore.Group;
import org.guildhall.commerce.internal.OfferStore.Offer;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Computes every price on the server, in a fixed order: the catalogue's list price, the catalogue's
 * buyer-specific adjustments (member price, loyalty price, upgrade credit), then either the group
 * price (when buying into a group) or the best running limited-time offer, then the coupon; never
 * below zero. Each step is a line of the quote, and the order keeps the lines.
 */
@Component
class Pricing {

  private final Catalogs catalogs;
  private final OfferStore offers;
  private final CouponStore coupons;
  private final GroupStore groups;
  private final OrderStore orders;
  private final MessageSource messages;
  private final Clock clock;
  private final List<PriceAdjuster> adjusters;

  Pricing(
      Catalogs catalogs,
      OfferStore offers,
      CouponStore coupons,
      GroupStore groups,
      OrderStore orders,
      MessageSource messages,
      Clock clock,
      List<PriceAdjuster> adjusters) {
    this.catalogs = catalogs;
    this.offers = offers;
    this.coupons = coupons;
    this.groups = groups;
    this.orders = orders;
    this.messages = messages;
    this.clock = clock;
    this.adjusters = List.copyOf(adjusters);
  }

  /** A priced quote; what is wrong with the coupon or group is in {@link Quote#problems()}. */
  Quote quote(
      ItemRef ref, UUID buyerId, String couponCode, UUID dealId, UUID groupId, Locale locale) {
    Instant now = clock.instant();
    Purchasable item =
        catalogs
            .find(ref, buyerId, locale)
            .orElseThrow(() -> DomainException.notFound("item-not-found"));
    Map<String, String> problems = new LinkedHashMap<>();
    List<PriceLine> lines = new ArrayList<>();
    lines.add(new PriceLine("LIST", item.title(), item.listPrice()));
    Money running = item.listPrice();
    List<Purchasable.Adjustment> adjustments = new ArrayList<>(item.adjustments());
    if (buyerId != null) {
      for (PriceAdjuster adjuster : adjusters) {
        adjustments.addAll(adjuster.adjust(item, buyerId, locale));
      }
    }
    for (Purchasable.Adjustment adjustment : adjustments) {
      lines.add(new PriceLine("ADJUSTMENT", adjustment.label(), adjustment.amount()));
      running = running.plus(adjustment.amount());
    }
    running = floor(running);
    Instant offerEndsAt = null;
    Optional<Deal> deal = dealFor(ref, dealId, groupId, problems, now);
    if (deal.isPresent()) {
      Money groupPrice = deal.get().groupPrice();
      if (groupPrice.currency().equals(running.currency()) && groupPrice.compareTo(running) < 0) {
        Money cut = groupPrice.minus(running);
        lines.add(
            new PriceLine("GROUP", msg(locale, "commerce.line.group", deal.get().size()), cut));
        running = groupPrice;
      }
    } else {
      Money base = running;
      Optional<Offer> best =
          offers.running(ref.kind(), now).stream()
              .filter(o -> o.covers(ref))
              .max(
                  Comparator.comparingLong(
                      o -> Scopes.reduction(base, o.percentOff(), o.amountOff()).minor()));
      if (best.isPresent()) {
        Money cut = Scopes.reduction(running, best.get().percentOff(), best.get().amountOff());
        if (cut.minor() > 0) {
          lines.add(new PriceLine("OFFER", best.get().name(locale), zero(running).minus(cut)));
          running = running.minus(cut);
          offerEndsAt = best.get().endsAt();
        }
      }
    }
    String normalizedCode = CouponStore.normalize(couponCode);
    if (!normalizedCode.isEmpty()) {
      Optional<Coupon> coupon = coupons.byCode(normalizedCode);
      String problem =
          // not Optional.map: a usable coupon has no problem (null), which map() would empty
          coupon.isEmpty() ? "coupon.unknown" : couponProblem(coupon.get(), ref, buyerId, now);
      if (problem != null) {
        problems.put("coupon", problem);
      } else {
        Money cut = coupon.get().reductionOn(running);
        lines.add(
            new PriceLine(
                "COUPON",
                msg(locale, "commerce.line.coupon", coupon.get().code()),
                zero(running).minus(cut)));
        running = running.minus(cut);
      }
    }
    running = floor(running);
    lines.add(new PriceLine("TOTAL", msg(locale, "commerce.line.total"), running));
    return new Quote(item, lines, running, offerEndsAt, normalizedCode, problems);
  }

  /** Why this coupon cannot be used here, or null when it can. */
  private String couponProblem(Coupon c, ItemRef ref, UUID buyerId, Instant now) {
    if (!c.active()) {
      return "coupon.unknown";
    }
    if (!c.validAt(now)) {
      return c.startsAt() != null && now.isBefore(c.startsAt())
          ? "coupon.not-yet"
          : "coupon.expired";
    }
    if (!c.covers(ref)) {
      return "coupon.not-for-item";
    }
    if (c.exhausted()) {
      return "coupon.exhausted";
    }
    if (buyerId != null) {
      if (c.firstPurchaseOnly() && orders.hasPaidBefore(buyerId)) {
        return "coupon.first-purchase-only";
      }
      if (coupons.heldBy(c.id(), buyerId) >= c.perPersonLimit()) {
        return "coupon.used-up-by-you";
      }
    }
    return null;
  }

  private Optional<Deal> dealFor(
      ItemRef ref, UUID dealId, UUID groupId, Map<String, String> problems, Instant now) {
    if (groupId != null) {
      Optional<Group> group = groups.group(groupId);
      if (group.isEmpty()) {
        problems.put("group", "group.unknown");
        return Optional.empty();
      }
      if (!group.get().open() || !now.isBefore(group.get().expiresAt())) {
        problems.put("group", "group.closed");
        return Optional.empty();
      }
      dealId = group.get().dealId();
    }
    if (dealId == null) {
      return Optional.empty();
    }
    Optional<Deal> deal = groups.deal(dealId).filter(d -> d.active() && d.item().equals(ref));
    if (deal.isEmpty()) {
      problems.put("group", "group.unknown");
    }
    return deal;
  }

  private String msg(Locale locale, String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private static Money zero(Money like) {
    return Money.zero(like.currency());
  }

  private static Money floor(Money m) {
    return m.isNegative() ? zero(m) : m;
  }
}
