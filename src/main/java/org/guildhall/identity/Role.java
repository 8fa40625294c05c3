package org.guildhall.identity;

import java.util.Set;

/**
 * What a person may do. Everyone signed in is a MEMBER; the owner grants the others. OWNER implies
 * every other role, MODERATOR implies VOLUNTEER.
 */
public enum Role {
  MEMBER,
  EXPERT,
  VOLUNTEER,
  MODERATOR,
  OWNER;

  /** Roles the owner may grant or take away on the user list (MEMBER always stays). */
  public static final Set<Role> ASSIGNABLE = Set.of(EXPERT, VOLUNTEER, MODERATOR, OWNER);

  public String authority() {
    return "ROLE_" + name();
  }
}
