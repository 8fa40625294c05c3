package org.guildhall.commerce.gateway;

/**
 * Where to send the buyer: a URL to redirect to, or (Alipay page pay) an auto-submitting HTML form.
 * {@code sessionRef} is the provider's id of the checkout, kept with the order.
 */
public record CheckoutRedirect(String url, String html, String sessionRef) {

  public static CheckoutRedirect to(String url, String sessionRef) {
    return new CheckoutRedirect(url, null, sessionRef);
  }

  public static CheckoutRedirect form(String html, String sessionRef) {
    return new CheckoutRedirect(null, html, sessionRef);
  }
}
