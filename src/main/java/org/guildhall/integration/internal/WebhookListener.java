package org.guildhall.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.guildhall.commerce.CommerceEvents.OrderPaid;
import org.guildhall.commerce.CommerceEvents.OrderRefunded;
import org.guildhall.commerce.ItemRef;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.IdentityEvents.AccountBanned;
import org.guildhall.identity.IdentityEvents.AccountRegistered;
import org.guildhall.identity.IdentityEvents.AccountUnbanned;
import org.guildhall.integration.WebhookEvent;
import org.guildhall.membership.MembershipEvents.MembershipCanceled;
import org.guildhall.membership.MembershipEvents.MembershipExpired;
import org.guildhall.membership.MembershipEvents.MembershipPaid;
import org.guildhall.membership.MembershipEvents.TrialStarted;
import org.guildhall.shared.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Other modules' events, as webhook payloads. Each payload names the member (id, e-mail, display
 * name) so that a receiver (a CRM, a chat workspace, a spreadsheet) needs no call back. The
 * listener may run more than once per event; {@link WebhookOutbox} queues each event once.
 */
@Component
class WebhookListener {

  private final WebhookOutbox outbox;
  private final IdentityApi identity;
  private final Clock clock;

  WebhookListener(WebhookOutbox outbox, IdentityApi identity, Clock clock) {
    this.outbox = outbox;
    this.identity = identity;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(AccountRegistered registered) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("member", member(registered.accountId().value()));
    data.put("language", registered.language());
    data.put("joinedAt", registered.at().toString());
    outbox.publish(
        WebhookEvent.MEMBER_JOINED,
        registered.accountId().value().toString(),
        registered.at(),
        data);
  }

  @ApplicationModuleListener
  void on(AccountBanned banned) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("member", member(banned.accountId().value()));
    data.put("reason", banned.reason());
    data.put("until", text(banned.until()));
    data.put("bannedAt", banned.at().toString());
    outbox.publish(
        WebhookEvent.MEMBER_BANNED,
        banned.accountId().value() + ":" + banned.at(),
        banned.at(),
        data);
  }

  @ApplicationModuleListener
  void on(AccountUnbanned unbanned) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("member", member(unbanned.accountId().value()));
    data.put("endedBy", unbanned.by() == null ? "expiry" : "owner");
    data.put("unbannedAt", unbanned.at().toString());
    outbox.publish(
        WebhookEvent.MEMBER_UNBANNED,
        unbanned.accountId().value() + ":" + unbanned.at(),
        unbanned.at(),
        data);
  }

  @ApplicationModuleListener
  void on(OrderPaid paid) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", paid.orderId().toString());
    data.put("member", member(paid.buyerId()));
    data.put("item", item(paid.item()));
    data.put("total", money(paid.total()));
    data.put("recurringMonths", paid.recurringMonths());
    data.put("renewalOf", text(paid.renewalOf()));
    data.put("paidAt", paid.paidAt().toString());
    outbox.publish(WebhookEvent.ORDER_PAID, paid.orderId().toString(), paid.paidAt(), data);
  }

  @ApplicationModuleListener
  void on(OrderRefunded refunded) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("orderId", refunded.orderId().toString());
    data.put("member", member(refunded.buyerId()));
    data.put("item", item(refunded.item()));
    data.put("amount", money(refunded.amount()));
    data.put("refundedTotal", money(refunded.refundedTotal()));
    data.put("total", money(refunded.total()));
    data.put("full", refunded.full());
    data.put("refundedAt", refunded.at().toString());
    // One event per refund step: the total refunded so far tells the steps apart.
    outbox.publish(
        WebhookEvent.ORDER_REFUNDED,
        refunded.orderId() + ":" + refunded.refundedTotal().minor(),
        refunded.at(),
        data);
  }

  @ApplicationModuleListener
  void on(TrialStarted trial) {
    Map<String, Object> data =
        membership(trial.membershipId(), trial.accountId(), trial.tierSlug());
    data.put("trialEndsAt", trial.trialEnds().toString());
    data.put("startedAt", trial.at().toString());
    outbox.publish(
        WebhookEvent.MEMBERSHIP_TRIAL_STARTED, trial.membershipId().toString(), trial.at(), data);
  }

  @ApplicationModuleListener
  void on(MembershipPaid paid) {
    Map<String, Object> data = membership(paid.membershipId(), paid.accountId(), paid.tierSlug());
    data.put("kind", paid.kind());
    data.put("periodEnd", text(paid.periodEnd()));
    data.put("orderId", text(paid.orderId()));
    data.put("paidAt", paid.at().toString());
    outbox.publish(
        WebhookEvent.MEMBERSHIP_PAID,
        paid.membershipId() + ":" + (paid.orderId() == null ? paid.at() : paid.orderId()),
        paid.at(),
        data);
  }

  @ApplicationModuleListener
  void on(MembershipCanceled canceled) {
    Map<String, Object> data =
        membership(canceled.membershipId(), canceled.accountId(), canceled.tierSlug());
    data.put("reason", canceled.reason());
    data.put("accessUntil", text(canceled.accessUntil()));
    // Cancel, resume and cancel again are two events: the time of cancelling tells them apart.
    Instant at = canceled.at() == null ? clock.instant() : canceled.at();
    data.put("canceledAt", at.toString());
    outbox.publish(WebhookEvent.MEMBERSHIP_CANCELED, canceled.membershipId() + ":" + at, at, data);
  }

  @ApplicationModuleListener
  void on(MembershipExpired expired) {
    Map<String, Object> data =
        membership(expired.membershipId(), expired.accountId(), expired.tierSlug());
    data.put("from", expired.from().name());
    data.put("expiredAt", expired.at().toString());
    outbox.publish(
        WebhookEvent.MEMBERSHIP_EXPIRED,
        expired.membershipId() + ":" + expired.at(),
        expired.at(),
        data);
  }

  private Map<String, Object> membership(UUID membershipId, UUID accountId, String tier) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("membershipId", membershipId.toString());
    data.put("member", member(accountId));
    data.put("tier", tier);
    return data;
  }

  /** The member as a receiver needs them; only the id if the account is gone. */
  private Map<String, Object> member(UUID accountId) {
    Map<String, Object> member = new LinkedHashMap<>();
    member.put("id", accountId.toString());
    identity
        .find(new AccountId(accountId))
        .ifPresent(
            a -> {
              member.put("email", a.email());
              member.put("displayName", a.displayName());
              member.put("handle", a.handle());
            });
    return member;
  }

  private static Map<String, Object> item(ItemRef item) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("kind", item.kind());
    map.put("key", item.key());
    return map;
  }

  /** Minor units for arithmetic, and the decimal amount for people. */
  private static Map<String, Object> money(Money money) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("amountMinor", money.minor());
    map.put("amount", money.toMajor().toPlainString());
    map.put("currency", money.currency().getCurrencyCode());
    return map;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
