package org.guildhall.platform.web;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person as pages see them: enough to draw the header and decide what to show. Built
 * by the identity module ({@link ViewerLookup}); never an entity.
 */
public record Viewer(
    UUID id,
    String displayName,
    String handle,
    String avatarUrl,
    Set<String> roles,
    ZoneId zone,
    String language,
    boolean emailVerified,
    boolean banned) {

  public Viewer {
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isOwner() {
    return roles.contains("OWNER");
  }

  public boolean isStaff() {
    return roles.contains("OWNER") || roles.contains("MODERATOR");
  }

  /** One or two letters shown when there is no avatar picture. */
  public String initials() {
    return Initials.of(displayName);
  }
}
