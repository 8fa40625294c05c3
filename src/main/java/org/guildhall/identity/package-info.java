/**
 * Accounts, credentials, roles, profiles, bans, e-mail verification, password reset, personal
 * access tokens, and the web security configuration. Other modules read accounts through {@link
 * org.guildhall.identity.IdentityApi} and learn of changes from its events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "platform"})
package org.guildhall.identity;
