package org.guildhall.commerce.gateway;

/** A notification that failed verification; it changes nothing and is answered as refused. */
public class InvalidNotification extends Exception {

  public InvalidNotification(String reason) {
    super(reason);
  }

  public InvalidNotification(String reason, Throwable cause) {
    super(reason, cause);
  }
}
