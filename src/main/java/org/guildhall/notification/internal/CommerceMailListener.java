package org.guildhall.notification.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.guildhall.commerce.OrderView;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.membership.MembershipEvents.MembershipReminder;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.web.Ctx;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails about money and memberships: the receipt of a paid order, the notice of a refund, and the
 * membership reminders (7 days and 1 day before the end, at the end, and the win-back offer). One
 * mail per order, refund step or reminder, whatever the number of deliveries (dedup keys).
 */
@Component
class CommerceMailListener {

  static final String RECEIPT = "receipt";
  static final String REFUND = "refund";
  static final String REMINDER = "membership-reminder";

  private final IdentityApi identity;
  private final CommerceApi commerce;
  private final MailComposer composer;
  private final MailWriter writer;

  CommerceMailListener(
      IdentityApi identity, CommerceApi commerce, MailComposer composer, MailWriter writer) {
    this.identity = identity;
    this.commerce = commerce;
    this.composer = composer;
    this.writer = writer;
  }

  @ApplicationModuleListener
  void on(OrderPaid paid) {
    Optional<AccountSummary> buyer = identity.find(new AccountId(paid.buyerId()));
    Optional<OrderView> order = commerce.order(paid.orderId());
    if (buyer.isEmpty() || order.isEmpty()) {
      return;
    }
    writer.write(
        RECEIPT + ":" + paid.orderId(),
        RECEIPT,
        buyer.get().email(),
        () -> {
          Ctx ctx = composer.context(Languages.resolve(buyer.get().language()));
          OrderView o = order.get();
          List<String> paragraphs = new ArrayList<>();
          paragraphs.add(ctx.msg("mail.receipt.intro", ctx.appName(), o.title()));
          o.lines().forEach(line -> paragraphs.add(line.label() + ": " + ctx.money(line.amount())));
          return composer.notice(
              ctx,
              ctx.msg("mail.receipt.subject", ctx.appName(), shortId(o.id())),
              buyer.get().displayName(),
              paragraphs,
              ctx.msg("mail.receipt.action"),
              "/orders/" + o.id(),
              List.of(ctx.msg("mail.receipt.order", shortId(o.id()), ctx.dateTime(o.paidAt()))));
        });
  }

  @ApplicationModuleListener
  void on(OrderRefunded refunded) {
    Optional<AccountSummary> buyer = identity.find(new AccountId(refunded.buyerId()));
    Optional<OrderView> order = commerce.order(refunded.orderId());
    if (buyer.isEmpty() || order.isEmpty()) {
      return;
    }
    writer.write(
        REFUND + ":" + refunded.orderId() + ":" + refunded.refundedTotal().minor(),
        REFUND,
        buyer.get().email(),
        () -> {
          Ctx ctx = composer.context(Languages.resolve(buyer.get().language()));
          return composer.notice(
              ctx,
              ctx.msg("mail.refund.subject", ctx.appName(), shortId(refunded.orderId())),
              buyer.get().displayName(),
              List.of(
                  ctx.msg(
                      "mail.refund.intro",
                      ctx.money(refunded.amount()),
                      order.get().title(),
                      ctx.money(refunded.refundedTotal()),
                      ctx.money(refunded.total()))),
              ctx.msg("mail.receipt.action"),
              "/orders/" + refunded.orderId(),
              List.of(ctx.msg("mail.refund.timing")));
        });
  }

  @ApplicationModuleListener
  void on(MembershipReminder reminder) {
    Optional<AccountSummary> member = identity.find(new AccountId(reminder.accountId()));
    if (member.isEmpty()) {
      return;
    }
    String kind = reminder.kind().toLowerCase(java.util.Locale.ROOT);
    writer.write(
        REMINDER
            + ":"
            + reminder.membershipId()
            + ":"
            + kind
            + ":"
            + reminder.periodEnd().atOffset(ZoneOffset.UTC).toLocalDate(),
        REMINDER + "-" + kind,
        member.get().email(),
        () -> {
          Ctx ctx = composer.context(Languages.resolve(member.get().language()));
          String prefix =
              "mail.reminder."
                  + kind
                  + (reminder.renewsAutomatically() && kind.startsWith("d") ? ".auto" : "");
          List<String> notes =
              reminder.couponCode() == null
                  ? List.of()
                  : List.of(ctx.msg("mail.reminder.coupon", reminder.couponCode()));
          return composer.notice(
              ctx,
              ctx.msg(prefix + ".subject", ctx.appName()),
              member.get().displayName(),
              List.of(ctx.msg(prefix + ".intro", ctx.appName(), ctx.date(reminder.periodEnd()))),
              ctx.msg(prefix + ".action"),
              reminder.couponCode() == null
                  ? "/membership"
                  : "/join?coupon=" + reminder.couponCode(),
              notes);
        });
  }

  private static String shortId(UUID id) {
    return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
  }
}
