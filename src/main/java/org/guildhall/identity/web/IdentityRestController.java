package org.guildhall.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.PublicProfile;
import org.guildhall.identity.Role;
import org.guildhall.identity.internal.AccountQueries;
import org.guildhall.identity.internal.AccountQueries.OwnSettings;
import org.guildhall.identity.internal.AccountService;
import org.guildhall.identity.internal.RegistrationThrottle;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Identity over JSON: register, the current member, their profile, public profiles. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Accounts and profiles")
class IdentityRestController {

  private final AccountService accounts;
  private final AccountQueries queries;
  private final IdentityApi identity;
  private final RegistrationThrottle throttle;

  IdentityRestController(
      AccountService accounts,
      AccountQueries queries,
      IdentityApi identity,
      RegistrationThrottle throttle) {
    this.accounts = accounts;
    this.queries = queries;
    this.identity = identity;
    this.throttle = throttle;
  }

  /** Registration request. {@code language} is "zh-CN" or "en" (default "zh-CN"). */
  record RegisterRequest(String email, String password, String displayName, String language) {}

  /** Profile changes; absent fields stay as they are. */
  record ProfilePatch(
      String displayName, String bio, List<String> links, String timeZone, String language) {}

  record Me(
      UUID id,
      String email,
      boolean emailVerified,
      String handle,
      String displayName,
      String bio,
      List<String> links,
      String timeZone,
      String language,
      String avatarUrl,
      Set<Role> roles) {}

  record Member(
      String handle,
      String displayName,
      String bio,
      List<String> links,
      String avatarUrl,
      Set<Role> roles,
      String joinedAt) {}

  @PostMapping("/accounts")
  @Operation(summary = "Register a new account; a verification e-mail is sent")
  ResponseEntity<Me> register(@RequestBody RegisterRequest body, HttpServletRequest request) {
    if (body == null) {
      throw DomainException.invalidField("email", "validation.email.required");
    }
    if (!throttle.allow(request, body.email())) {
      throw DomainException.tooManyRequests("too-many-requests");
    }
    AccountId id =
        accounts.register(
            body.email(),
            body.password(),
            body.displayName(),
            body.language() == null ? "zh-CN" : body.language());
    return ResponseEntity.created(URI.create("/api/v1/me")).body(me(id));
  }

  @GetMapping("/me")
  @Operation(summary = "The signed-in member")
  Me me(@AuthenticationPrincipal AuthenticatedAccount principal) {
    return me(new AccountId(principal.accountId()));
  }

  @PatchMapping("/me/profile")
  @Operation(summary = "Change the signed-in member's profile")
  Me updateProfile(
      @AuthenticationPrincipal AuthenticatedAccount principal, @RequestBody ProfilePatch patch) {
    AccountId id = new AccountId(principal.accountId());
    OwnSettings own = own(id);
    accounts.updateProfile(
        id,
        patch.displayName() != null ? patch.displayName() : own.displayName(),
        patch.bio() != null ? patch.bio() : own.bio(),
        patch.links() != null
            ? patch.links().stream().map(String::strip).filter(s -> !s.isEmpty()).toList()
            : own.links(),
        patch.timeZone() != null ? patch.timeZone() : own.timeZone(),
        patch.language() != null ? patch.language() : own.language());
    return me(id);
  }

  @GetMapping("/members/{handle}")
  @Operation(summary = "A member's public profile")
  Member member(@PathVariable String handle) {
    PublicProfile p =
        identity.profile(handle).orElseThrow(() -> DomainException.notFound("member-not-found"));
    return new Member(
        p.handle(),
        p.displayName(),
        p.bio(),
        p.links(),
        p.avatarUrl(),
        p.roles(),
        p.joinedAt().toString());
  }

  private Me me(AccountId id) {
    OwnSettings own = own(id);
    Set<Role> roles = identity.find(id).map(a -> a.roles()).orElse(Set.of(Role.MEMBER));
    return new Me(
        id.value(),
        own.email(),
        own.verified(),
        own.handle(),
        own.displayName(),
        own.bio(),
        own.links(),
        own.timeZone(),
        own.language(),
        own.avatarUrl(),
        roles);
  }

  private OwnSettings own(AccountId id) {
    return queries.ownSettings(id).orElseThrow(() -> DomainException.notFound("account-not-found"));
  }
}
