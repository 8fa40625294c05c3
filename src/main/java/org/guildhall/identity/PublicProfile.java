package org.guildhall.identity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What anyone may see of a member on their public profile page. */
public record PublicProfile(
    AccountId id,
    String handle,
    String displayName,
    String bio,
    List<String> links,
    String avatarUrl,
    Set<Role> roles,
    Instant joinedAt) {

  public PublicProfile {
    links = List.copyOf(links);
    roles = Set.copyOf(roles);
  }
}
