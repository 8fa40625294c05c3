package org.guildhall.membership.internal;

import java.time.Clock;
import java.util.List;
import org.guildhall.membership.BillingPeriod;
import org.guildhall.platform.demo.DemoMode;
import org.guildhall.shared.Money;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo community's tiers, from the reference case study: Free; Basic at ¥99 a year (¥12 a
 * month); Premium at ¥299 a year (¥35 a month) with a 3-day free trial. Seeded once, into an empty
 * tier table, when the demo is enabled — before the web server opens, so no visitor (and no cache)
 * ever sees the community without its tiers.
 */
@Component
class DemoTiers implements SmartInitializingSingleton {

  private final DemoMode demo;
  private final TierRepository tiers;
  private final Clock clock;

  DemoTiers(DemoMode demo, TierRepository tiers, Clock clock) {
    this.demo = demo;
    this.tiers = tiers;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void afterSingletonsInstantiated() {
    if (!demo.enabled() || tiers.count() > 0) {
      return;
    }
    Tier free =
        new Tier(
            "free",
            0,
            new Tier.Texts(
                "Free",
                "Join the community, read public articles and try free preview lessons.",
                List.of(
                    "Public articles and free previews", "Community boards", "Events open to all")),
            new Tier.Texts("免费会员", "加入社群，阅读公开文章，试听免费课程。", List.of("公开文章与免费试听", "社区讨论区", "公开活动")),
            0,
            clock.instant());
    Tier basic =
        new Tier(
            "basic",
            1,
            new Tier.Texts(
                "Basic",
                "Selected courses and the member column, for steady learners.",
                List.of(
                    "Selected free courses",
                    "The member column",
                    "Member-only boards",
                    "Points and badges")),
            new Tier.Texts(
                "基础会员", "精选课程与会员专栏，适合稳步学习的你。", List.of("精选免费课程", "会员专栏", "会员专属讨论区", "积分与徽章")),
            0,
            clock.instant());
    basic.setPrice(BillingPeriod.MONTHLY, Money.of(1200, "CNY"));
    basic.setPrice(BillingPeriod.YEARLY, Money.of(9900, "CNY"));
    basic.memberDiscount(10);
    basic.grants(
        java.util.Set.of(
            org.guildhall.membership.Privilege.MEMBER_COLUMNS,
            org.guildhall.membership.Privilege.MEMBER_BOARDS),
        0);
    Tier premium =
        new Tier(
            "premium",
            2,
            new Tier.Texts(
                "Premium",
                "Every course, member-only live sessions and one-to-one mentoring with a tutor.",
                List.of(
                    "Every course, including famous-teacher lectures",
                    "Member-only live sessions and replays",
                    "One-to-one mentoring with a tutor",
                    "Priority answers from experts",
                    "3-day free trial")),
            new Tier.Texts(
                "高级会员",
                "全部课程、会员专属直播，以及导师一对一辅导。",
                List.of("全部课程，含名师讲座", "会员专属直播与回放", "导师一对一辅导", "专家优先答疑", "3 天免费试用")),
            3,
            clock.instant());
    premium.setPrice(BillingPeriod.MONTHLY, Money.of(3500, "CNY"));
    premium.setPrice(BillingPeriod.YEARLY, Money.of(29900, "CNY"));
    premium.memberDiscount(30);
    premium.grants(java.util.EnumSet.allOf(org.guildhall.membership.Privilege.class), 7);
    tiers.saveAll(List.of(free, basic, premium));
  }
}
