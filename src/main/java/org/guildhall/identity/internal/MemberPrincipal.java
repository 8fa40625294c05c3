package org.guildhall.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.guildhall.identity.Role;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal kept in the session. Its name is the account id (not the e-mail), so
 * sessions can be found and ended per account even after the e-mail changes.
 */
final class MemberPrincipal
    implements UserDetails, CredentialsContainer, AuthenticatedAccount, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  private final UUID accountId;
  private String passwordHash;
  private final List<String> roles;
  private final boolean locked;

  MemberPrincipal(UUID accountId, String passwordHash, Collection<Role> roles, boolean locked) {
    this.accountId = accountId;
    this.passwordHash = passwordHash;
    this.roles = roles.stream().map(Role::authority).sorted().toList();
    this.locked = locked;
  }

  @Override
  public UUID accountId() {
    return accountId;
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(SimpleGrantedAuthority::new).toList();
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return accountId.toString();
  }

  @Override
  public boolean isAccountNonLocked() {
    return !locked;
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MemberPrincipal p && p.accountId.equals(accountId);
  }

  @Override
  public int hashCode() {
    return accountId.hashCode();
  }

  @Override
  public String toString() {
    return "MemberPrincipal[" + accountId + "]";
  }
}
