package org.guildhall.notification.internal;

/** A mail rendered in one language: subject, HTML body and plain-text body. */
record ComposedMail(String locale, String subject, String bodyHtml, String bodyText) {}
