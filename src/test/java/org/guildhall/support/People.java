package org.guildhall.support;

import java.util.EnumSet;
import java.util.UUID;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;

/** Fresh accounts for tests that share one database: unique e-mail and handle, one password. */
public final class People {

  public static final String PASSWORD = "test pass phrase 42";

  private People() {}

  /** A provisioned, verified account. */
  public record Person(UUID id, String email) {}

  /**
   * A member (plus any {@code roles}) with e-mail {@code <prefix><8 hex>@example.com}, handle
   * {@code <prefix><8 hex>} and English pages; {@code prefix} is a few lower-case letters.
   */
  public static Person provision(IdentityApi identity, String prefix, Role... roles) {
    String handle = prefix + UUID.randomUUID().toString().substring(0, 8);
    String email = handle + "@example.com";
    EnumSet<Role> all = EnumSet.of(Role.MEMBER);
    all.addAll(java.util.List.of(roles));
    UUID id = identity.provision(email, PASSWORD, "Test " + handle, handle, all, "en").value();
    return new Person(id, email);
  }
}
