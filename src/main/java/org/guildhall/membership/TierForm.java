package org.guildhall.membership;

import java.util.UUID;

/**
 * The owner's tier form, as typed: prices are in major units of the community currency ("99",
 * "35.50"); an empty price means the period is not offered; benefits are one per line. {@code id}
 * is null for a new tier; {@code active} is null when the checkbox was not ticked; {@code
 * memberDiscount} is the members' percentage off items bought by themselves (empty: none).
 */
public record TierForm(
    UUID id,
    String slug,
    String rank,
    String nameEn,
    String nameZh,
    String descriptionEn,
    String descriptionZh,
    String benefitsEn,
    String benefitsZh,
    String trialDays,
    Boolean active,
    String monthly,
    String quarterly,
    String yearly,
    String lifetime,
    String memberDiscount,
    java.util.List<String> privileges,
    String earlyAccessDays) {

  public TierForm {
    privileges = privileges == null ? java.util.List.of() : java.util.List.copyOf(privileges);
  }

  public boolean grants(Privilege privilege) {
    return privileges.contains(privilege.name());
  }

  public boolean offered() {
    return Boolean.TRUE.equals(active);
  }

  public static TierForm blank() {
    return new TierForm(
        null,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "0",
        true,
        "",
        "",
        "",
        "",
        "0",
        java.util.List.of(),
        "0");
  }
}
