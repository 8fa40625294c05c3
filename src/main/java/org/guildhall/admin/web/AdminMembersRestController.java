package org.guildhall.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.AccountSummary;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.platform.DomainException;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The owner's member list over JSON, in the keyset paging envelope {@code {items, next}}. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Owner", description = "The owner's console (role OWNER)")
class AdminMembersRestController {

  private final IdentityApi identity;

  AdminMembersRestController(IdentityApi identity) {
    this.identity = identity;
  }

  record Member(
      UUID id,
      String email,
      String displayName,
      String handle,
      Set<Role> roles,
      AccountStatus status,
      Instant bannedUntil,
      boolean emailVerified,
      Instant createdAt) {

    static Member of(AccountSummary a) {
      return new Member(
          a.id().value(),
          a.email(),
          a.displayName(),
          a.handle(),
          a.roles(),
          a.status(),
          a.bannedUntil(),
          a.emailVerified(),
          a.createdAt());
    }
  }

  @GetMapping("/members")
  @Operation(
      summary = "Members, newest first",
      description =
          "Filter by text (e-mail, name, handle) and role. Pass the previous page's `next` as"
              + " `after` for the following page; `next` is absent on the last page.")
  KeysetPage<Member> members(
      @RequestParam(name = "q", required = false) String query,
      @RequestParam(name = "role", required = false) String role,
      @RequestParam(name = "after", required = false) String after,
      @RequestParam(name = "size", defaultValue = "25") int size) {
    if (size < 1 || size > 100) {
      throw DomainException.invalidField("size", "validation.page-size");
    }
    Role roleFilter = null;
    if (role != null && !role.isBlank()) {
      try {
        roleFilter = Role.valueOf(role);
      } catch (IllegalArgumentException e) {
        throw DomainException.invalidField("role", "validation.role");
      }
    }
    return identity.search(query, roleFilter, after, size).map(Member::of);
  }
}
