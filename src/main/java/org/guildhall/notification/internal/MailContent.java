package org.guildhall.notification.internal;

import java.util.List;

/**
 * The words of one mail, already in the member's language: what {@code mail/message.jte} lays out
 * as HTML and {@link MailComposer} lays out as plain text, so both versions say the same. Public
 * only because the generated template classes live in another package.
 *
 * @param actionLabel the button text, or null when the mail has no link
 * @param actionUrl the absolute link behind the button, or null
 * @param notes small print after the button (expiry, "ignore this if…")
 */
public record MailContent(
    String subject,
    String greeting,
    List<String> paragraphs,
    String actionLabel,
    String actionUrl,
    List<String> notes) {

  public MailContent {
    paragraphs = List.copyOf(paragraphs);
    notes = List.copyOf(notes);
    if ((actionLabel == null) != (actionUrl == null)) {
      throw new IllegalArgumentException("actionLabel and actionUrl go together");
    }
  }

  public boolean hasAction() {
    return actionUrl != null;
  }
}
