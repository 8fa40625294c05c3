/**
 * E-mail (and later in-app notifications): every mail is written to an outbox table first, then
 * sent over SMTP when configured, with retries; without SMTP it stays in the outbox for the owner
 * to read at /admin/mail. Listens to other modules' events; nobody calls it to send mail.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"shared", "platform", "identity", "commerce", "membership"})
package org.guildhall.notification;
