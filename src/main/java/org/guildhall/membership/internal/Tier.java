package org.guildhall.membership.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.TierView;
import org.guildhall.shared.Money;

/** A membership tier with its texts in both languages and its prices per billing period. */
@Entity
@Table(name = "tier")
class Tier {

  @Id private UUID id;

  @Column(nullable = false)
  private String slug;

  @Column(nullable = false)
  private int rank;

  private String nameEn;
  private String nameZh;
  private String descriptionEn;
  private String descriptionZh;
  private String benefitsEn;
  private String benefitsZh;
  private int trialDays;

  @Column(name = "member_discount_percent", nullable = false)
  private int memberDiscountPercent;

  @Column(nullable = false)
  private String privileges = "";

  @Column(name = "early_access_days", nullable = false)
  private int earlyAccessDays;

  private boolean active;
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "tier_price", joinColumns = @JoinColumn(name = "tier_id"))
  @MapKeyColumn(name = "billing")
  @MapKeyEnumerated(EnumType.STRING)
  private Map<BillingPeriod, TierPrice> prices = new EnumMap<>(BillingPeriod.class);

  protected Tier() {}

  Tier(String slug, int rank, Texts en, Texts zh, int trialDays, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.createdAt = now;
    describe(rank, en, zh, trialDays, true);
  }

  /** Name, description and benefits in one language. */
  record Texts(String name, String description, List<String> benefits) {}

  /** The owner's edit: texts, rank, trial length, whether it is offered, and its prices. */
  void update(
      int rank,
      Texts en,
      Texts zh,
      int trialDays,
      boolean active,
      Map<BillingPeriod, Money> newPrices) {
    describe(rank, en, zh, trialDays, active);
    prices.clear();
    newPrices.forEach(this::setPrice);
  }

  private void describe(int rank, Texts en, Texts zh, int trialDays, boolean active) {
    this.rank = rank;
    this.nameEn = en.name();
    this.descriptionEn = en.description();
    this.benefitsEn = String.join("\n", en.benefits());
    this.nameZh = zh.name();
    this.descriptionZh = zh.description();
    this.benefitsZh = String.join("\n", zh.benefits());
    this.trialDays = trialDays;
    this.active = active;
  }

  /** Everything the edit form shows, in both languages. */
  record Editable(
      UUID id,
      String slug,
      int rank,
      Texts en,
      Texts zh,
      int trialDays,
      boolean active,
      Map<BillingPeriod, Money> prices) {}

  Editable editable() {
    return new Editable(
        id,
        slug,
        rank,
        new Texts(nameEn, descriptionEn, lines(benefitsEn)),
        new Texts(nameZh, descriptionZh, lines(benefitsZh)),
        trialDays,
        active,
        amounts());
  }

  private Map<BillingPeriod, Money> amounts() {
    Map<BillingPeriod, Money> amounts = new EnumMap<>(BillingPeriod.class);
    prices.forEach(
        (period, price) ->
            amounts.put(
                period, new Money(price.amountMinor(), Currency.getInstance(price.currency()))));
    return amounts;
  }

  private static List<String> lines(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split("\n")).filter(s -> !s.isBlank()).toList();
  }

  void setPrice(BillingPeriod period, Money amount) {
    prices.put(period, new TierPrice(amount.minor(), amount.currency().getCurrencyCode()));
  }

  boolean active() {
    return active;
  }

  UUID id() {
    return id;
  }

  String slug() {
    return slug;
  }

  int memberDiscountPercent() {
    return memberDiscountPercent;
  }

  /** Members of this tier pay {@code percent} % less for items bought by themselves. */
  void memberDiscount(int percent) {
    if (percent < 0 || percent > 90) {
      throw new IllegalArgumentException("A member discount is 0 to 90 %");
    }
    this.memberDiscountPercent = percent;
  }

  java.util.Set<org.guildhall.membership.Privilege> privileges() {
    java.util.Set<org.guildhall.membership.Privilege> set =
        java.util.EnumSet.noneOf(org.guildhall.membership.Privilege.class);
    for (String name : privileges.split(",")) {
      if (!name.isBlank()) {
        set.add(org.guildhall.membership.Privilege.valueOf(name.strip()));
      }
    }
    return set;
  }

  int earlyAccessDays() {
    return earlyAccessDays;
  }

  /** What the tier grants besides content, and how many days early its members see new content. */
  void grants(java.util.Set<org.guildhall.membership.Privilege> privileges, int earlyAccessDays) {
    if (earlyAccessDays < 0 || earlyAccessDays > 60) {
      throw new IllegalArgumentException("Early access is 0 to 60 days");
    }
    this.privileges =
        privileges.stream()
            .sorted()
            .map(Enum::name)
            .collect(java.util.stream.Collectors.joining(","));
    this.earlyAccessDays = earlyAccessDays;
  }

  int trialDays() {
    return trialDays;
  }

  int rank() {
    return rank;
  }

  TierView view(Locale locale) {
    boolean zh = "zh".equals(locale.getLanguage());
    return new TierView(
        id,
        slug,
        rank,
        zh ? nameZh : nameEn,
        zh ? descriptionZh : descriptionEn,
        lines(zh ? benefitsZh : benefitsEn),
        trialDays,
        amounts(),
        memberDiscountPercent,
        privileges(),
        earlyAccessDays);
  }
}
