package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.guildhall.shared.Money;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo community's tiers, as the reference case study describes them. */
@WebIntegrationTest
class TierCatalogIntegrationTests {

  @Autowired MembershipApi membership;

  @Test
  void theDemoTiersAreFreeBasicAndPremiumWithATrial() {
    List<TierView> tiers = membership.tiers(Locale.ENGLISH);
    assertThat(tiers).extracting(TierView::slug).containsExactly("free", "basic", "premium");
    TierView basic = tiers.get(1);
    assertThat(basic.price(BillingPeriod.YEARLY)).hasValue(Money.of(9900, "CNY"));
    TierView premium = tiers.get(2);
    assertThat(premium.price(BillingPeriod.YEARLY)).hasValue(Money.of(29900, "CNY"));
    assertThat(premium.trialDays()).isEqualTo(3);
    assertThat(premium.yearlySaving()).hasValue(Money.of(12100, "CNY"));
    assertThat(tiers.get(0).isFree()).isTrue();
    assertThat(membership.tiers(Locale.SIMPLIFIED_CHINESE).get(2).name()).isEqualTo("高级会员");
  }
}
