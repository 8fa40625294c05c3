package org.guildhall.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
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
import org.guildhall.identity.internal.AvatarService;
import org.guildhall.identity.internal.RegistrationThrottle;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.web.AuthenticatedAccount;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Identity over JSON: register, the current member, their profile, avatar, password and e-mail,
 * public profiles.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Accounts and profiles")
class IdentityRestController {

  private final AccountService accounts;
  private final AccountQueries queries;
  private final IdentityApi identity;
  private final RegistrationThrottle throttle;
  private final AvatarService avatars;

  IdentityRestController(
      AccountService accounts,
      AccountQueries queries,
      IdentityApi identity,
      RegistrationThrottle throttle,
      AvatarService avatars) {
    this.accounts = accounts;
    this.queries = queries;
    this.identity = identity;
    this.throttle = throttle;
    this.avatars = avatars;
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
      throw DomainException.tooManyRequests("too-many-requests", throttle.retryAfter());
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

  /** A new password; {@code currentPassword} proves it is the member (re-authentication). */
  record PasswordChange(String currentPassword, String newPassword) {}

  /** A new e-mail address, confirmed by a link sent to it; {@code currentPassword} as above. */
  record EmailChange(String currentPassword, String newEmail) {}

  @PutMapping("/me/password")
  @Operation(
      summary = "Change the signed-in member's password",
      description =
          "Needs the current password. Every other session of the member ends; personal access"
              + " tokens stay valid.")
  ResponseEntity<Void> changePassword(
      @AuthenticationPrincipal AuthenticatedAccount principal,
      @RequestBody(required = false) PasswordChange body,
      HttpServletRequest request) {
    PasswordChange change = body == null ? new PasswordChange(null, null) : body;
    HttpSession session = request.getSession(false);
    accounts.changePassword(
        new AccountId(principal.accountId()),
        change.currentPassword(),
        change.newPassword(),
        session == null ? null : session.getId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/me/email")
  @Operation(
      summary = "Ask to change the signed-in member's e-mail address",
      description =
          "Needs the current password. A confirmation link goes to the new address; the address"
              + " changes when it is followed. Answers 202 Accepted.")
  ResponseEntity<Void> changeEmail(
      @AuthenticationPrincipal AuthenticatedAccount principal,
      @RequestBody(required = false) EmailChange body) {
    EmailChange change = body == null ? new EmailChange(null, null) : body;
    accounts.requestEmailChange(
        new AccountId(principal.accountId()), change.currentPassword(), change.newEmail());
    return ResponseEntity.accepted().build();
  }

  @PutMapping(value = "/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary = "Replace the signed-in member's avatar",
      description =
          "multipart/form-data with the picture in field `avatar`: PNG, JPEG or GIF (recognised"
              + " from its bytes), at most 2 MB and 8000 × 8000 pixels; it is cropped to a square"
              + " and stored as a 256 × 256 JPEG. A missing or unreadable picture is a 422, another"
              + " kind of file a 415, a larger one a 413 — each with the `avatar` field in"
              + " `errors`; nothing changes then.")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
              schemaProperties =
                  @SchemaProperty(
                      name = "avatar",
                      schema = @Schema(type = "string", format = "binary"))))
  Me replaceAvatar(
      @AuthenticationPrincipal AuthenticatedAccount principal, HttpServletRequest request) {
    AccountId id = new AccountId(principal.accountId());
    MultipartFile file = avatarPart(request);
    avatars.checkSize(file.getSize());
    byte[] picture;
    try {
      picture = avatars.prepare(file.getBytes());
    } catch (IOException e) {
      throw new IllegalStateException("Could not read the uploaded avatar", e);
    }
    avatars.install(id, picture);
    return me(id);
  }

  @DeleteMapping("/me/avatar")
  @Operation(summary = "Remove the signed-in member's avatar (initials are shown instead)")
  Me removeAvatar(@AuthenticationPrincipal AuthenticatedAccount principal) {
    AccountId id = new AccountId(principal.accountId());
    avatars.remove(id);
    return me(id);
  }

  /**
   * The {@code avatar} part. Parts are parsed lazily, so an upload over the server's multipart
   * limit is noticed here and refused like any picture over the avatar limit.
   */
  private static MultipartFile avatarPart(HttpServletRequest request) {
    MultipartHttpServletRequest multipart =
        WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    MultipartFile file;
    try {
      file = multipart == null ? null : multipart.getFile("avatar");
    } catch (MaxUploadSizeExceededException e) {
      throw AvatarService.tooLarge();
    } catch (MultipartException e) {
      file = null;
    }
    if (file == null || file.isEmpty()) {
      throw DomainException.invalidField("avatar", "validation.avatar.required");
    }
    return file;
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
