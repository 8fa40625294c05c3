package org.guildhall.commerce.web;

import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.guildhall.platform.web.SafeRedirects;

/**
 * Where a buyer goes back to after paying, when checkout was opened from a particular page (a
 * paywalled lesson, say) rather than the item's own page: kept in the buyer's session (shared by
 * instances) by order id, and only ever a same-site path.
 */
final class ReturnPaths {

  private static final String PREFIX = "checkout.return.";

  private ReturnPaths() {}

  static void remember(HttpSession session, UUID orderId, String path) {
    String safe = SafeRedirects.localPathOr(path, null);
    if (safe != null && orderId != null) {
      session.setAttribute(PREFIX + orderId, safe);
    }
  }

  /** The remembered path for the order, or {@code fallback}. */
  static String of(HttpSession session, UUID orderId, String fallback) {
    Object path = session == null ? null : session.getAttribute(PREFIX + orderId);
    return path instanceof String s ? s : fallback;
  }
}
