package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.OrderStatus;
import org.guildhall.commerce.OrderView;
import org.guildhall.identity.IdentityApi;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's premium and basic members hold their plans through real, complimentary orders. */
@WebIntegrationTest
class DemoMembershipsTests {

  @Autowired IdentityApi identity;
  @Autowired MembershipApi membership;
  @Autowired CommerceApi commerce;

  UUID demo(String email) {
    return identity.search(email, null, null, 1).items().get(0).id().value();
  }

  @Test
  void premiumAndBasicDemoMembersHoldYearlyPlans() {
    UUID premium = demo("premium@guildhall.demo");
    UUID basic = demo("basic@guildhall.demo");
    MembershipView p =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> membership.liveMembership(premium).orElse(null), m -> m != null);
    MembershipView b =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> membership.liveMembership(basic).orElse(null), m -> m != null);
    assertThat(p.tierSlug()).isEqualTo("premium");
    assertThat(p.billing()).isEqualTo(BillingPeriod.YEARLY);
    assertThat(b.tierSlug()).isEqualTo("basic");
    OrderView order = commerce.ordersOf(premium, null, 5).items().get(0);
    assertThat(order.status()).isEqualTo(OrderStatus.PAID);
    assertThat(order.total().minor()).isZero();
    assertThat(order.gateway()).isEqualTo("free");
    assertThat(membership.liveMembership(demo("free@guildhall.demo"))).isEmpty();

    // the demo tiers' privileges and early access
    assertThat(membership.hasPrivilege(premium, Privilege.MENTORING)).isTrue();
    assertThat(membership.earlyAccessDays(premium)).isEqualTo(7);
    assertThat(membership.hasPrivilege(basic, Privilege.MEMBER_BOARDS)).isTrue();
    assertThat(membership.hasPrivilege(basic, Privilege.MENTORING)).isFalse();
    assertThat(membership.earlyAccessDays(basic)).isZero();
    assertThat(membership.hasPrivilege(demo("free@guildhall.demo"), Privilege.MEMBER_BOARDS))
        .isFalse();
  }
}
