package org.guildhall.commerce.gateway;

/**
 * The HTTP answer to a notification: status, content type and body (Alipay wants {@code success}).
 */
public record NotificationAck(int status, String contentType, String body) {

  public static NotificationAck json(int status, String body) {
    return new NotificationAck(status, "application/json", body);
  }

  public static NotificationAck text(int status, String body) {
    return new NotificationAck(status, "text/plain", body);
  }
}
