/**
 * Membership tiers and their prices per billing period; later memberships, trials and the access
 * policy. Other modules read tiers through {@link org.guildhall.membership.MembershipApi}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity", "commerce"})
package org.guildhall.membership;
