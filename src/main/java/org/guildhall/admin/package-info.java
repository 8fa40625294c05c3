/**
 * The owner's console: member list and roles, bans, the mail outbox. It composes other modules'
 * facades only and owns no data.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity", "membership", "notification"})
package org.guildhall.admin;
