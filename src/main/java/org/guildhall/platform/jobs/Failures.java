package org.guildhall.platform.jobs;

/** How outgoing work (mail, webhooks) records a failed attempt for the owner to read. */
public final class Failures {

  private Failures() {}

  /**
   * One line: the exception's kind and message, whitespace collapsed, at most {@code maxLength}
   * characters; never a stack trace.
   */
  public static String describe(Exception e, int maxLength) {
    String message = e.getMessage();
    String text = e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    return clip(text, maxLength);
  }

  /**
   * {@code text} on one line, control characters (NUL included, which PostgreSQL refuses in text)
   * turned into spaces, cut to {@code maxLength} characters with an ellipsis.
   */
  public static String clip(String text, int maxLength) {
    String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.length() <= maxLength ? line : line.substring(0, maxLength - 1) + "…";
  }
}
