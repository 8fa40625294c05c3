/**
 * Outgoing webhooks for integrations: the owner registers HTTPS endpoints and picks the events they
 * receive (a member joined, an order was paid or refunded, a membership started, renewed, was
 * cancelled or expired…). Listens to other modules' events and writes one delivery per endpoint
 * into an outbox table; a dispatcher posts each, signed in the Standard Webhooks format, with
 * retries. Nobody calls it to send a webhook.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity", "commerce", "membership"})
package org.guildhall.integration;
