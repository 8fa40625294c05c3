package org.guildhall.notification.internal;

import java.util.Objects;

/**
 * A mail about to be stored: what it is ({@code kind}), to whom, in which language, its rendered
 * parts, and the key that makes a redelivered event write it only once.
 */
record NewMail(
    String dedupKey,
    String kind,
    String recipient,
    String locale,
    String subject,
    String bodyHtml,
    String bodyText) {

  NewMail {
    Objects.requireNonNull(dedupKey, "dedupKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(bodyHtml, "bodyHtml");
    Objects.requireNonNull(bodyText, "bodyText");
    if (dedupKey.length() > 200) {
      throw new IllegalArgumentException("dedupKey longer than 200 characters");
    }
  }

  static NewMail of(String dedupKey, String kind, String recipient, ComposedMail mail) {
    return new NewMail(
        dedupKey, kind, recipient, mail.locale(), mail.subject(), mail.bodyHtml(), mail.bodyText());
  }
}
