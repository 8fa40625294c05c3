/**
 * The owner's console: member list and roles, bans, the mail outbox, tiers, and the commerce
 * console (orders and refunds, coupons, limited-time offers, group buys, payment settings), and the
 * outgoing webhooks. It composes other modules' facades only and owns no data.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "shared",
      "platform",
      "identity",
      "membership",
      "notification",
      "commerce",
      "integration"
    })
package org.guildhall.admin;
