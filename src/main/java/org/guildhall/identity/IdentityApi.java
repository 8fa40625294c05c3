package org.guildhall.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guildhall.identity.internal.AccountQueries;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.stereotype.Service;

/** The identity module's facade for other modules: reads return records, changes are commands. */
@Service
public class IdentityApi {

  private final AccountQueries queries;
  private final AccountService accounts;

  IdentityApi(AccountQueries queries, AccountService accounts) {
    this.queries = queries;
    this.accounts = accounts;
  }

  public Optional<AccountSummary> find(AccountId id) {
    return queries.find(id);
  }

  /**
   * The accounts with these ids that exist, by id: two statements however many ids (for lists that
   * show who did something, without a query per row).
   */
  public Map<AccountId, AccountSummary> findAll(Collection<AccountId> ids) {
    return queries.findAll(ids);
  }

  /** The account's roles (empty for no such account), in one statement. */
  public java.util.Set<Role> roles(AccountId id) {
    return queries.roles(id);
  }

  public Optional<PublicProfile> profile(String handle) {
    return queries.profile(handle);
  }

  /** The owner's user list: newest first, filtered by text and role, paged by key. */
  public KeysetPage<AccountSummary> search(String text, Role role, String cursor, int size) {
    return queries.search(text, role, cursor, Math.max(1, Math.min(size, 100)));
  }

  public void setRoles(AccountId actor, AccountId target, Set<Role> roles) {
    accounts.setRoles(actor, target, roles);
  }

  public void ban(AccountId actor, AccountId target, String reason, Instant until) {
    accounts.ban(actor, target, reason, until);
  }

  public void unban(AccountId actor, AccountId target) {
    accounts.unban(actor, target);
  }

  /** Creates a ready-to-use account (demo community, fixtures). */
  public AccountId provision(
      String email,
      String password,
      String displayName,
      String handle,
      Set<Role> roles,
      String language) {
    return accounts.provision(email, password, displayName, handle, roles, language);
  }
}
