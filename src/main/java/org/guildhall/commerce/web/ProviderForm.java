package org.guildhall.commerce.web;

import java.util.regex.Pattern;

/**
 * A provider's auto-submitting payment form (Alipay page pay) made safe for our strict CSP: its
 * inline script is removed and the form is marked for {@code app.js}, which submits it.
 */
final class ProviderForm {

  private static final Pattern SCRIPT = Pattern.compile("(?is)<script.*?</script>");

  private ProviderForm() {}

  static String safe(String html) {
    return SCRIPT
        .matcher(html)
        .replaceAll("")
        .replaceFirst("(?i)<form", "<form data-provider-autosubmit");
  }
}
