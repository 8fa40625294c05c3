package org.guildhall.membership;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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

  MembershipApi(TierCatalog tiers, MembershipService memberships, TierEditor editor) {
    this.tiers = tiers;
    this.memberships = memberships;
    this.editor = editor;
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
    return memberships.standing(accountIdOrNull);
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
