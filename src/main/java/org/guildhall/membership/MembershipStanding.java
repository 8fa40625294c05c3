package org.guildhall.membership;

/**
 * What the tier cards show a viewer: their live membership (or null) and whether a free trial is
 * still open to them. A visitor who is not signed in is offered the trial (after registering).
 */
public record MembershipStanding(MembershipView membership, boolean trialAvailable) {

  public static final MembershipStanding VISITOR = new MembershipStanding(null, true);
}
