package org.guildhall.platform.web;

/** Only same-site relative paths may be redirect targets (no open redirects). */
public final class SafeRedirects {

  private SafeRedirects() {}

  public static String localPathOr(String candidate, String fallback) {
    if (candidate == null
        || candidate.isBlank()
        || candidate.length() > 500
        || !candidate.startsWith("/")
        || candidate.startsWith("//")
        || candidate.startsWith("/\\")
        || candidate.chars().anyMatch(c -> c < 0x20 || c == '\\')) {
      return fallback;
    }
    return candidate;
  }
}
