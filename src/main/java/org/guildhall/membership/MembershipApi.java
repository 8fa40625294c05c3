package org.guildhall.membership;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.CommerceApi;
import org.guildhall.membership.internal.AccessPolicyService;
import org.guildhall.membership.internal.GiftCodes;
import org.guildhall.membership.internal.MembershipHistory;
import org.guildhall.membership.internal.MembershipService;
import org.guildhall.membership.internal.TierCatalog;
import org.guildhall.membership.internal.TierEditor;
import org.springframework.stereotype.Service;

/** The membership module's facade. */
@Service
public class MembershipApi {

  private final TierCatalog tiers;
  private final MembershipService memberships;
  private final TierEditor editor;
  private final AccessPolicyService access;
  private final MembershipHistory history;
  private final CommerceApi commerce;
  private final GiftCodes gifts;

  MembershipApi(
      TierCatalog tiers,
      MembershipService memberships,
      TierEditor editor,
      AccessPolicyService access,
      MembershipHistory history,
      CommerceApi commerce,
      GiftCodes gifts) {
    this.tiers = tiers;
    this.memberships = memberships;
    this.editor = editor;
    this.access = access;
    this.history = history;
    this.commerce = commerce;
    this.gifts = gifts;
  }

  /**
   * The access policy: may this person (null: a visitor) see this item, and if not, the cheapest
   * ways in. Pages, API, media and search all ask here.
   */
  public AccessDecision access(UUID viewerId, AccessRule rule, Locale locale) {
    return access.decide(viewerId, rule, locale);
  }

  /**
   * What the access policy knows about a person (null: a visitor), for deciding many items at once
   * with {@link Reader#mayRead} — the same decision {@link #access} makes for one.
   */
  public Reader reader(UUID viewerId) {
    // A visitor needs no transaction: the anonymous pages are the hottest there are.
    return viewerId == null ? Reader.VISITOR : access.reader(viewerId);
  }

  /**
   * Whether the person's live membership (a trial counts) grants the privilege — member-only
   * boards, events, priority questions, mentoring — for the modules that honour it.
   */
  public boolean hasPrivilege(UUID accountId, Privilege privilege) {
    return tierOf(accountId).map(t -> t.privileges().contains(privilege)).orElse(false);
  }

  /** How many days before everyone the person sees new content (0 without a membership). */
  public int earlyAccessDays(UUID accountId) {
    return tierOf(accountId).map(TierView::earlyAccessDays).orElse(0);
  }

  private Optional<TierView> tierOf(UUID accountId) {
    if (accountId == null) {
      return Optional.empty();
    }
    return memberships
        .live(accountId)
        .flatMap(
            m ->
                tiers.active(Locale.ENGLISH).stream()
                    .filter(t -> t.slug().equals(m.tierSlug()))
                    .findFirst());
  }

  /** The member's own membership page. */
  public MembershipDetails details(UUID accountId, Locale locale) {
    return history.details(accountId, locale);
  }

  /**
   * Cancels at the period end with the reason survey (reason: too-expensive, not-using,
   * missing-content, technical, other); a recurring subscription is stopped at the gateway.
   */
  public void cancel(UUID accountId, String reason, String comment) {
    memberships.cancel(accountId, reason, comment).ifPresent(commerce::stopSubscription);
  }

  /** Redeems a gift code for one period of its plan; a code is redeemed once. */
  public MembershipView redeem(UUID accountId, String code) {
    return gifts.redeem(accountId, code);
  }

  /** The gift codes a member bought, newest first. */
  public List<GiftCodeView> giftCodes(UUID buyerId, Locale locale) {
    return gifts.ofBuyer(buyerId, locale);
  }

  /** The item that buys {@code quantity} gift codes for a plan. */
  public org.guildhall.commerce.ItemRef giftItem(
      String tierSlug, BillingPeriod billing, int quantity) {
    return GiftCodes.item(tierSlug, billing, quantity);
  }

  /** Takes back a cancellation while the period runs. */
  public void resume(UUID accountId) {
    memberships.resume(accountId);
  }

  /**
   * Switches to a lower tier's plan when the current period ends; a recurring subscription of the
   * current tier is stopped at the gateway, so it does not renew the higher tier.
   */
  public void downgrade(UUID accountId, String tierSlug, BillingPeriod billing) {
    memberships.downgrade(accountId, tierSlug, billing).ifPresent(commerce::stopSubscription);
  }

  public void cancelDowngrade(UUID accountId) {
    memberships.cancelDowngrade(accountId);
  }

  /**
   * The reasons the cancellation survey offers (message keys {@code membership.cancel.reason.*}).
   */
  public List<String> cancelReasons() {
    return MembershipService.CANCEL_REASONS;
  }

  /** Every tier, offered or not, as the owner's forms show them. */
  public List<TierForm> tiersForOwner() {
    return editor.all();
  }

  public TierForm tierForm(UUID id) {
    return editor.find(id);
  }

  /** Creates a tier; invalid input is refused with every field's error at once. */
  public UUID createTier(TierForm form) {
    return editor.create(form);
  }

  public void updateTier(UUID id, TierForm form) {
    editor.update(id, form);
  }

  /** The member's live membership (trialing, active, past due or cancelled to period end). */
  public Optional<MembershipView> liveMembership(UUID accountId) {
    return memberships.live(accountId);
  }

  /** The viewer's membership and trial eligibility for the tier cards; null for a visitor. */
  public MembershipStanding standing(UUID accountIdOrNull) {
    return accountIdOrNull == null
        ? MembershipStanding.VISITOR
        : memberships.standing(accountIdOrNull);
  }

  /** Starts the free trial of a tier; see {@link MembershipService#startTrial}. */
  public MembershipView startTrial(UUID accountId, String tierSlug) {
    return memberships.startTrial(accountId, tierSlug);
  }

  /** Active tiers from the lowest rank up, in the given language. */
  public List<TierView> tiers(Locale locale) {
    return tiers.active(locale);
  }
}
