package org.guildhall.identity;

/** ACTIVE, or BANNED (until a date, or for good). */
public enum AccountStatus {
  ACTIVE,
  BANNED
}
