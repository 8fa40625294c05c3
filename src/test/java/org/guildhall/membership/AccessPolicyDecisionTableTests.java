package org.guildhall.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.guildhall.commerce.CheckoutRequest;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.internal.CommercePaymentsForTests;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.AccessDecision.Reason;
import org.guildhall.membership.AccessDecision.WayIn;
import org.guildhall.support.People;
import org.guildhall.support.TestItems;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The access policy as a decision table: each row is a person, an item's rule and the expected
 * answer (allowed and why, or refused with the ways in, cheapest first).
 */
@WebIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessPolicyDecisionTableTests {

  static final ItemRef COURSE = TestItems.item("policy-course");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired MembershipApi membership;
  @Autowired IdentityApi identity;
  @Autowired CommerceApi commerce;

  UUID free;
  UUID basic;
  UUID premium;
  UUID trial;
  UUID buyer;
  UUID owner;
  UUID author;
  UUID trialUsed;

  UUID person(Role... roles) {
    return People.provision(identity, "a", roles).id();
  }

  void pay(UUID account, ItemRef item) {
    var start =
        commerce.checkout(
            new CheckoutRequest(
                account,
                null,
                item,
                null,
                null,
                null,
                "k-" + UUID.randomUUID(),
                Locale.ENGLISH,
                "http://localhost:" + port));
    new CommercePaymentsForTests(context, port).payAndDeliver(start.orderId());
  }

  @BeforeAll
  void people() {
    free = person(Role.MEMBER);
    basic = person(Role.MEMBER);
    premium = person(Role.MEMBER);
    trial = person(Role.MEMBER);
    buyer = person(Role.MEMBER);
    owner = person(Role.MEMBER, Role.OWNER);
    author = person(Role.MEMBER, Role.EXPERT);
    trialUsed = person(Role.MEMBER);
    pay(basic, new ItemRef("membership", "basic:YEARLY"));
    pay(premium, new ItemRef("membership", "premium:YEARLY"));
    membership.startTrial(trial, "premium");
    membership.startTrial(trialUsed, "premium");
    pay(trialUsed, new ItemRef("membership", "basic:MONTHLY"));
    pay(buyer, COURSE);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                membership.liveMembership(premium).isPresent()
                    && membership.liveMembership(basic).isPresent()
                    && commerce.owns(buyer, COURSE)
                    && membership
                        .liveMembership(trialUsed)
                        .map(m -> m.tierSlug().equals("basic"))
                        .orElse(false));
  }

  int rank(String slug) {
    return membership.tiers(Locale.ENGLISH).stream()
        .filter(t -> t.slug().equals(slug))
        .findFirst()
        .orElseThrow()
        .rank();
  }

  /** who, rule, allowed, reason, expected ways in (kind[-tier]) cheapest first. */
  Stream<Arguments> table() {
    AccessRule premiumOnly = AccessRule.members(rank("premium"));
    AccessRule basicUp = AccessRule.members(rank("basic"));
    AccessRule course = AccessRule.purchase(COURSE, 0);
    AccessRule courseInPremium = AccessRule.purchase(COURSE, rank("premium"));
    return Stream.of(
        Arguments.of("visitor", null, AccessRule.everyone(), true, Reason.FREE, List.of()),
        Arguments.of(
            "visitor",
            null,
            premiumOnly,
            false,
            Reason.NONE,
            List.of("TRIAL-premium", "TIER-premium")),
        Arguments.of(
            "visitor",
            null,
            basicUp,
            false,
            Reason.NONE,
            List.of("TRIAL-premium", "TIER-basic", "TIER-premium")),
        Arguments.of(
            "visitor", null, premiumOnly.withPreview(true), true, Reason.PREVIEW, List.of()),
        Arguments.of(
            "free",
            free,
            premiumOnly,
            false,
            Reason.NONE,
            List.of("TRIAL-premium", "TIER-premium")),
        Arguments.of("free", free, course, false, Reason.NONE, List.of("BUY")),
        Arguments.of(
            "free",
            free,
            courseInPremium,
            false,
            Reason.NONE,
            List.of("TRIAL-premium", "TIER-premium", "BUY")),
        Arguments.of("basic", basic, basicUp, true, Reason.TIER, List.of()),
        Arguments.of("basic", basic, premiumOnly, false, Reason.NONE, List.of("TIER-premium")),
        Arguments.of("premium", premium, premiumOnly, true, Reason.TIER, List.of()),
        Arguments.of("premium", premium, basicUp, true, Reason.TIER, List.of()),
        Arguments.of("premium", premium, courseInPremium, true, Reason.TIER, List.of()),
        Arguments.of("premium", premium, course, false, Reason.NONE, List.of("BUY")),
        Arguments.of("trial", trial, premiumOnly, true, Reason.TRIAL, List.of()),
        Arguments.of(
            "trial used, now basic",
            trialUsed,
            premiumOnly,
            false,
            Reason.NONE,
            List.of("TIER-premium")),
        Arguments.of("buyer", buyer, course, true, Reason.PURCHASE, List.of()),
        Arguments.of(
            "buyer",
            buyer,
            premiumOnly,
            false,
            Reason.NONE,
            List.of("TRIAL-premium", "TIER-premium")),
        Arguments.of("owner", owner, premiumOnly, true, Reason.STAFF, List.of()),
        Arguments.of(
            "author", author, premiumOnly.withAuthor(author), true, Reason.AUTHOR, List.of()),
        Arguments.of(
            "author of another",
            author,
            premiumOnly.withAuthor(owner),
            false,
            Reason.NONE,
            List.of("TRIAL-premium", "TIER-premium")));
  }

  @ParameterizedTest(name = "{0}: {2} → {3} {4}")
  @MethodSource("table")
  void decides(
      String who, UUID viewer, AccessRule rule, boolean allowed, Reason reason, List<String> ways) {
    AccessDecision decision = membership.access(viewer, rule, Locale.ENGLISH);
    assertThat(decision.allowed()).isEqualTo(allowed);
    assertThat(decision.reason()).isEqualTo(reason);
    assertThat(
            decision.waysIn().stream()
                .map(w -> w.kind() + (w.tierSlug() == null ? "" : "-" + w.tierSlug())))
        .containsExactlyElementsOf(ways);
    for (int i = 1; i < decision.waysIn().size(); i++) {
      WayIn before = decision.waysIn().get(i - 1);
      assertThat(before.price().compareTo(decision.waysIn().get(i).price())).isLessThanOrEqualTo(0);
    }
  }
}
