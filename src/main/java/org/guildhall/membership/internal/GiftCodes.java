package org.guildhall.membership.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.PurchasableCatalog;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.GiftCodeView;
import org.guildhall.membership.MembershipStatus;
import org.guildhall.membership.MembershipView;
import org.guildhall.membership.TierView;
import org.guildhall.membership.internal.MembershipBilling.Plan;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gift and bulk codes: the item {@code gift/<tier>:<PERIOD>:<quantity>} buys that many codes for
 * one period of a plan each (an organisation hands them to its people). Paying makes the codes
 * (once per order); a member redeems a code once, for the plan's period, like a payment of it; a
 * refund voids the codes not yet redeemed (all of them, or the refunded share).
 */
@Component
public class GiftCodes implements PurchasableCatalog {

  static final String KIND = "gift";
  static final int MAX_QUANTITY = 500;
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final TierCatalog catalog;
  private final TierRepository tiers;
  private final MembershipRepository memberships;
  private final MembershipBilling billing;
  private final MessageSource messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  GiftCodes(
      JdbcClient jdbc,
      TierCatalog catalog,
      TierRepository tiers,
      MembershipRepository memberships,
      MembershipBilling billing,
      MessageSource messages,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.tiers = tiers;
    this.memberships = memberships;
    this.billing = billing;
    this.messages = messages;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** {@code <tier>:<PERIOD>:<quantity>} */
  record Gift(Plan plan, int quantity) {
    static Optional<Gift> parse(String key) {
      int colon = key.lastIndexOf(':');
      if (colon <= 0) {
        return Optional.empty();
      }
      try {
        int quantity = Integer.parseInt(key.substring(colon + 1));
        if (quantity < 1 || quantity > MAX_QUANTITY) {
          return Optional.empty();
        }
        return Plan.parse(key.substring(0, colon)).map(plan -> new Gift(plan, quantity));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  public static ItemRef item(String tierSlug, BillingPeriod billing, int quantity) {
    return new ItemRef(KIND, tierSlug + ":" + billing.name() + ":" + quantity);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<Purchasable> find(String key, UUID buyerId, Locale locale) {
    Optional<Gift> gift = Gift.parse(key);
    if (gift.isEmpty() || gift.get().plan().billing() == BillingPeriod.LIFETIME) {
      return Optional.empty();
    }
    Optional<TierView> tier =
        catalog.active(locale).stream()
            .filter(t -> t.slug().equals(gift.get().plan().slug()))
            .findFirst();
    Optional<Money> price = tier.flatMap(t -> t.price(gift.get().plan().billing()));
    if (price.isEmpty() || price.get().minor() <= 0) {
      return Optional.empty();
    }
    String title =
        messages.getMessage(
            "gift.title",
            new Object[] {
              tier.get().name(),
              messages.getMessage("billing." + gift.get().plan().billing().name(), null, locale),
              gift.get().quantity()
            },
            locale);
    return Optional.of(
        new Purchasable(
            new ItemRef(KIND, key),
            title,
            price.get().times(gift.get().quantity()),
            List.of(),
            0,
            "/membership/gifts"));
  }

  @Async
  @TransactionalEventListener
  public void on(OrderPaid paid) {
    if (!KIND.equals(paid.item().kind())) {
      return;
    }
    Gift gift = Gift.parse(paid.item().key()).orElseThrow();
    Tier tier = tiers.findBySlug(gift.plan().slug()).orElseThrow();
    Instant now = clock.instant();
    tx.executeWithoutResult(
        status -> {
          long made =
              jdbc.sql("SELECT COUNT(*) FROM gift_code WHERE order_id = ?")
                  .param(paid.orderId())
                  .query(Long.class)
                  .single();
          for (int position = (int) made; position < gift.quantity(); position++) {
            jdbc.sql(
                    "INSERT INTO gift_code (id, code, order_id, buyer_id, tier_id, billing,"
                        + " position, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
                        + " 'AVAILABLE', ?) ON CONFLICT DO NOTHING")
                .params(
                    UUID.randomUUID(),
                    newCode(),
                    paid.orderId(),
                    paid.buyerId(),
                    tier.id(),
                    gift.plan().billing().name(),
                    position,
                    ts(now))
                .update();
          }
        });
  }

  @Async
  @TransactionalEventListener
  public void on(OrderRefunded refunded) {
    if (!KIND.equals(refunded.item().kind())) {
      return;
    }
    Gift gift = Gift.parse(refunded.item().key()).orElseThrow();
    // the refunded share of the codes, rounded up, taken from those not redeemed
    long toVoid =
        refunded.full()
            ? gift.quantity()
            : -Math.floorDiv(
                -Math.multiplyExact((long) gift.quantity(), refunded.refundedTotal().minor()),
                refunded.total().minor());
    tx.executeWithoutResult(
        status -> {
          long voided =
              jdbc.sql("SELECT COUNT(*) FROM gift_code WHERE order_id = ? AND status = 'VOID'")
                  .param(refunded.orderId())
                  .query(Long.class)
                  .single();
          List<UUID> available =
              jdbc.sql(
                      "SELECT id FROM gift_code WHERE order_id = ? AND status = 'AVAILABLE' ORDER"
                          + " BY position DESC")
                  .param(refunded.orderId())
                  .query(UUID.class)
                  .list();
          for (UUID id :
              available.subList(
                  0, (int) Math.min(available.size(), Math.max(0, toVoid - voided)))) {
            jdbc.sql("UPDATE gift_code SET status = 'VOID' WHERE id = ? AND status = 'AVAILABLE'")
                .param(id)
                .update();
          }
        });
  }

  /**
   * Redeems a code for the account: one conditional update takes it (so a code is redeemed once
   * whoever tries at the same moment), then the plan's period is granted like a payment of it.
   */
  @Transactional
  public MembershipView redeem(UUID accountId, String rawCode) {
    String code = rawCode == null ? "" : rawCode.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    Map<String, Object> row =
        jdbc
            .sql("SELECT id, tier_id, billing, status FROM gift_code WHERE code = ?")
            .param(code)
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> DomainException.invalidField("code", "gift.code.unknown"));
    if (!"AVAILABLE".equals(row.get("status"))) {
      throw DomainException.invalidField("code", "gift.code.used");
    }
    Tier tier = tiers.findById((UUID) row.get("tier_id")).orElseThrow();
    memberships
        .findLive(accountId)
        .filter(m -> m.status() != MembershipStatus.TRIALING)
        .flatMap(m -> tiers.findById(m.tierId()))
        .filter(current -> current.rank() > tier.rank())
        .ifPresent(
            higher -> {
              throw DomainException.invalidField("code", "gift.code.lower-than-current");
            });
    Instant now = clock.instant();
    int taken =
        jdbc.sql(
                "UPDATE gift_code SET status = 'REDEEMED', redeemed_by = ?, redeemed_at = ? WHERE"
                    + " code = ? AND status = 'AVAILABLE'")
            .params(accountId, ts(now), code)
            .update();
    if (taken == 0) {
      throw DomainException.invalidField("code", "gift.code.used");
    }
    BillingPeriod period = BillingPeriod.valueOf((String) row.get("billing"));
    billing.grant(
        new OrderPaid(
            (UUID) row.get("id"),
            accountId,
            MembershipPlans.ref(tier.slug(), period),
            Money.zero(java.util.Currency.getInstance("CNY")),
            0,
            null,
            null,
            now));
    return memberships
        .findLive(accountId)
        .map(m -> MembershipService.view(m, tiers.findById(m.tierId()).orElseThrow()))
        .orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<GiftCodeView> ofBuyer(UUID buyerId, Locale locale) {
    Map<UUID, String> names =
        tiers.findAll().stream()
            .collect(Collectors.toMap(Tier::id, t -> t.view(locale).name(), (a, b) -> a));
    return jdbc.sql(
            "SELECT code, order_id, tier_id, billing, status, redeemed_at, created_at FROM gift_code"
                + " WHERE buyer_id = ? ORDER BY created_at DESC, position LIMIT 1000")
        .param(buyerId)
        .query(
            (rs, n) ->
                new GiftCodeView(
                    rs.getString("code"),
                    rs.getObject("order_id", UUID.class),
                    names.getOrDefault(rs.getObject("tier_id", UUID.class), ""),
                    BillingPeriod.valueOf(rs.getString("billing")),
                    rs.getString("status"),
                    instant(rs, "redeemed_at"),
                    instant(rs, "created_at")))
        .list();
  }

  /** 12 characters without look-alikes (no 0/O, 1/I); shown in groups of four. */
  private static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }
}
