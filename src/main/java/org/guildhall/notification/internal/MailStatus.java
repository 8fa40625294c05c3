package org.guildhall.notification.internal;

/** Where a stored mail is in its life. The database checks the same four values. */
enum MailStatus {
  /** Waiting to be sent over SMTP (again, after a failure, once its next attempt is due). */
  PENDING,
  /** Accepted by the SMTP server. */
  SENT,
  /** Gave up after the last allowed attempt (or the address was unusable); the owner may retry. */
  FAILED,
  /** SMTP is not configured: kept for the owner to read at /admin/mail, never sent. */
  HELD
}
