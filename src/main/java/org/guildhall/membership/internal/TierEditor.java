package org.guildhall.membership.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.membership.TierForm;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner creates and edits tiers and their prices. Every field is checked; all errors at once.
 */
@Service
public class TierEditor {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?");
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

  private final TierRepository tiers;
  private final TierCatalog catalog;
  private final Clock clock;
  private final Currency currency;

  TierEditor(
      TierRepository tiers,
      TierCatalog catalog,
      Clock clock,
      @Value("${guildhall.currency:CNY}") String currency) {
    this.tiers = tiers;
    this.catalog = catalog;
    this.clock = clock;
    this.currency = Currency.getInstance(currency);
  }

  @Transactional(readOnly = true)
  public List<TierForm> all() {
    return tiers.findAllByOrderByRankAsc().stream().map(TierEditor::form).toList();
  }

  @Transactional(readOnly = true)
  public TierForm find(UUID id) {
    return tiers
        .findById(id)
        .map(TierEditor::form)
        .orElseThrow(() -> DomainException.notFound("tier-not-found"));
  }

  @Transactional
  public UUID create(TierForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    String slug = form.slug() == null ? "" : form.slug().strip();
    if (!SLUG.matcher(slug).matches()) {
      errors.put("slug", "validation.tier.slug");
    } else if (tiers.existsBySlug(slug)) {
      errors.put("slug", "validation.tier.slug-taken");
    }
    Parsed parsed = parse(form, null, errors);
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    Tier tier =
        new Tier(slug, parsed.rank, parsed.en, parsed.zh, parsed.trialDays, clock.instant());
    tier.update(parsed.rank, parsed.en, parsed.zh, parsed.trialDays, form.offered(), parsed.prices);
    tier.memberDiscount(parsed.memberDiscount);
    tier.grants(parsed.privileges, parsed.earlyAccessDays);
    save(tier);
    return tier.id();
  }

  @Transactional
  public void update(UUID id, TierForm form) {
    Tier tier = tiers.findById(id).orElseThrow(() -> DomainException.notFound("tier-not-found"));
    Map<String, String> errors = new LinkedHashMap<>();
    Parsed parsed = parse(form, id, errors);
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    tier.update(parsed.rank, parsed.en, parsed.zh, parsed.trialDays, form.offered(), parsed.prices);
    tier.memberDiscount(parsed.memberDiscount);
    tier.grants(parsed.privileges, parsed.earlyAccessDays);
    save(tier);
  }

  private void save(Tier tier) {
    try {
      tiers.saveAndFlush(tier);
    } catch (DataIntegrityViolationException raced) {
      throw DomainException.invalid(Map.of("rank", "validation.tier.rank-taken"));
    }
    catalog.evict();
  }

  private record Parsed(
      int rank,
      Tier.Texts en,
      Tier.Texts zh,
      int trialDays,
      Map<BillingPeriod, Money> prices,
      int memberDiscount,
      java.util.Set<org.guildhall.membership.Privilege> privileges,
      int earlyAccessDays) {}

  private Parsed parse(TierForm form, UUID self, Map<String, String> errors) {
    int rank = integer(form.rank(), 0, 100, "rank", "validation.tier.rank", errors);
    if (!errors.containsKey("rank")
        && tiers.findByRank(rank).filter(t -> !t.id().equals(self)).isPresent()) {
      errors.put("rank", "validation.tier.rank-taken");
    }
    int trialDays =
        integer(form.trialDays(), 0, 90, "trialDays", "validation.tier.trial-days", errors);
    Tier.Texts en = texts(form.nameEn(), form.descriptionEn(), form.benefitsEn(), "En", errors);
    Tier.Texts zh = texts(form.nameZh(), form.descriptionZh(), form.benefitsZh(), "Zh", errors);
    Map<BillingPeriod, Money> prices = new EnumMap<>(BillingPeriod.class);
    price(form.monthly(), BillingPeriod.MONTHLY, "monthly", prices, errors);
    price(form.quarterly(), BillingPeriod.QUARTERLY, "quarterly", prices, errors);
    price(form.yearly(), BillingPeriod.YEARLY, "yearly", prices, errors);
    price(form.lifetime(), BillingPeriod.LIFETIME, "lifetime", prices, errors);
    int memberDiscount =
        integer(
            form.memberDiscount() == null || form.memberDiscount().isBlank()
                ? "0"
                : form.memberDiscount(),
            0,
            90,
            "memberDiscount",
            "validation.tier.member-discount",
            errors);
    java.util.Set<org.guildhall.membership.Privilege> privileges =
        java.util.EnumSet.noneOf(org.guildhall.membership.Privilege.class);
    for (String name : form.privileges()) {
      try {
        privileges.add(org.guildhall.membership.Privilege.valueOf(name));
      } catch (IllegalArgumentException unknown) {
        errors.put("privileges", "validation.tier.privileges");
      }
    }
    int earlyAccessDays =
        integer(
            form.earlyAccessDays() == null || form.earlyAccessDays().isBlank()
                ? "0"
                : form.earlyAccessDays(),
            0,
            60,
            "earlyAccessDays",
            "validation.tier.early-access",
            errors);
    return new Parsed(rank, en, zh, trialDays, prices, memberDiscount, privileges, earlyAccessDays);
  }

  private static int integer(
      String raw, int min, int max, String field, String key, Map<String, String> errors) {
    try {
      int value = Integer.parseInt(raw == null ? "" : raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    errors.put(field, key);
    return min;
  }

  private static Tier.Texts texts(
      String name, String description, String benefits, String suffix, Map<String, String> errors) {
    String n = name == null ? "" : name.strip();
    String d = description == null ? "" : description.strip();
    if (n.isEmpty() || n.length() > 60) {
      errors.put("name" + suffix, "validation.tier.name");
    }
    if (d.length() > 1000) {
      errors.put("description" + suffix, "validation.tier.description");
    }
    List<String> lines =
        benefits == null
            ? List.of()
            : benefits.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (lines.size() > 20 || lines.stream().anyMatch(l -> l.length() > 150)) {
      errors.put("benefits" + suffix, "validation.tier.benefits");
    }
    return new Tier.Texts(n, d, lines);
  }

  private void price(
      String raw,
      BillingPeriod period,
      String field,
      Map<BillingPeriod, Money> prices,
      Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return;
    }
    try {
      BigDecimal major = new BigDecimal(raw.strip());
      if (major.signum() < 0
          || major.compareTo(MAX_PRICE) > 0
          || major.scale() > currency.getDefaultFractionDigits()) {
        errors.put(field, "validation.tier.price");
        return;
      }
      prices.put(
          period,
          new Money(
              major.movePointRight(currency.getDefaultFractionDigits()).longValueExact(),
              currency));
    } catch (NumberFormatException | ArithmeticException e) {
      errors.put(field, "validation.tier.price");
    }
  }

  private static TierForm form(Tier tier) {
    Tier.Editable t = tier.editable();
    return new TierForm(
        t.id(),
        t.slug(),
        Integer.toString(t.rank()),
        t.en().name(),
        t.zh().name(),
        t.en().description(),
        t.zh().description(),
        String.join("\n", t.en().benefits()),
        String.join("\n", t.zh().benefits()),
        Integer.toString(t.trialDays()),
        t.active(),
        major(t.prices().get(BillingPeriod.MONTHLY)),
        major(t.prices().get(BillingPeriod.QUARTERLY)),
        major(t.prices().get(BillingPeriod.YEARLY)),
        major(t.prices().get(BillingPeriod.LIFETIME)),
        Integer.toString(tier.memberDiscountPercent()),
        tier.privileges().stream().map(Enum::name).toList(),
        Integer.toString(tier.earlyAccessDays()));
  }

  private static String major(Money money) {
    return money == null ? "" : money.toMajor().stripTrailingZeros().toPlainString();
  }
}
