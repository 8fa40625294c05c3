package org.guildhall.identity;

import java.util.Objects;
import java.util.UUID;

/** The identity of an account; the same value is the member id in every module. */
public record AccountId(UUID value) {

  public AccountId {
    Objects.requireNonNull(value, "value");
  }

  public static AccountId random() {
    return new AccountId(UUID.randomUUID());
  }

  public static AccountId of(String value) {
    return new AccountId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
