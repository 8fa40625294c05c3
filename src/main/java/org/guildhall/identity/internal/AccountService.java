package org.guildhall.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.identity.AccountId;
import org.guildhall.identity.AccountStatus;
import org.guildhall.identity.IdentityEvents.AccountBanned;
import org.guildhall.identity.IdentityEvents.AccountRegistered;
import org.guildhall.identity.IdentityEvents.AccountUnbanned;
import org.guildhall.identity.IdentityEvents.EmailChangeRequested;
import org.guildhall.identity.IdentityEvents.EmailChanged;
import org.guildhall.identity.IdentityEvents.EmailVerificationRequested;
import org.guildhall.identity.IdentityEvents.EmailVerified;
import org.guildhall.identity.IdentityEvents.PasswordChanged;
import org.guildhall.identity.IdentityEvents.PasswordResetRequested;
import org.guildhall.identity.IdentityEvents.RolesChanged;
import org.guildhall.identity.Role;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.i18n.Languages;
import org.guildhall.platform.web.ViewerLookup;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Application service for everything that changes an account. */
@Service
public class AccountService {

  static final Duration VERIFY_TTL = Duration.ofHours(48);
  static final Duration RESET_TTL = Duration.ofMinutes(60);
  static final Duration EMAIL_CHANGE_TTL = Duration.ofHours(24);
  private static final String HANDLE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountRepository accounts;
  private final AccountTokenRepository tokens;
  private final AccountBanRepository bans;
  private final AccessTokenRepository accessTokens;
  private final PasswordEncoder passwordEncoder;
  private final ApplicationEventPublisher events;
  private final SessionTerminator sessions;
  private final ViewerLookup viewers;
  private final Clock clock;

  AccountService(
      AccountRepository accounts,
      AccountTokenRepository tokens,
      AccountBanRepository bans,
      AccessTokenRepository accessTokens,
      PasswordEncoder passwordEncoder,
      ApplicationEventPublisher events,
      SessionTerminator sessions,
      ViewerLookup viewers,
      Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.bans = bans;
    this.accessTokens = accessTokens;
    this.passwordEncoder = passwordEncoder;
    this.events = events;
    this.sessions = sessions;
    this.viewers = viewers;
    this.clock = clock;
  }

  /** A new member account; sends the verification mail. */
  @Transactional
  public AccountId register(String rawEmail, String password, String displayName, String language) {
    String email = Emails.normalize(rawEmail);
    String name = displayName == null ? "" : displayName.strip();
    Map<String, String> errors = new LinkedHashMap<>();
    if (email.isEmpty()) {
      errors.put("email", "validation.email.required");
    } else if (!Emails.looksValid(email)) {
      errors.put("email", "validation.email.invalid");
    } else if (accounts.existsByEmail(email)) {
      errors.put("email", "validation.email.taken");
    }
    PasswordPolicy.check(password, email).ifPresent(key -> errors.put("password", key));
    checkDisplayName(name).ifPresent(key -> errors.put("displayName", key));
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    Instant now = clock.instant();
    String lang = Languages.isSupportedTag(language) ? language : "zh-CN";
    Account account =
        new Account(
            AccountId.random(),
            email,
            passwordEncoder.encode(password),
            name,
            newHandle(),
            lang,
            // A guess until the member picks one in the profile: the demo community is in China.
            "zh-CN".equals(lang) ? "Asia/Shanghai" : "UTC",
            now);
    try {
      accounts.saveAndFlush(account);
    } catch (DataIntegrityViolationException raced) {
      throw DomainException.invalidField("email", "validation.email.taken");
    }
    events.publishEvent(new AccountRegistered(account.id(), email, name, lang, now));
    issueVerification(account, now);
    return account.id();
  }

  /** Creates an account with a chosen handle and roles, already verified (demo data, tests). */
  @Transactional
  public AccountId provision(
      String email,
      String password,
      String displayName,
      String handle,
      Set<Role> roles,
      String language) {
    return provisionHashed(
        email, passwordEncoder.encode(password), displayName, handle, roles, language);
  }

  /**
   * As {@link #provision}, with the password already encoded by this service's encoder: the demo
   * accounts share one password, so they are seeded with one hash instead of one Argon2 run each.
   */
  @Transactional
  AccountId provisionHashed(
      String email,
      String passwordHash,
      String displayName,
      String handle,
      Set<Role> roles,
      String language) {
    Instant now = clock.instant();
    Account account =
        new Account(
            AccountId.random(),
            Emails.normalize(email),
            passwordHash,
            displayName,
            handle,
            language,
            "Asia/Shanghai",
            now);
    account.replaceRoles(roles, now);
    account.verifyEmail(now);
    accounts.saveAndFlush(account);
    events.publishEvent(
        new AccountRegistered(account.id(), account.email(), displayName, language, now));
    return account.id();
  }

  @Transactional
  public void resendVerification(AccountId id) {
    Account account = load(id);
    if (!account.emailVerified()) {
      issueVerification(account, clock.instant());
    }
  }

  /** Follows a verification link. Returns the verified account, or empty if the link is bad. */
  @Transactional
  public Optional<AccountId> verifyEmail(String token) {
    return consume(token, AccountToken.Purpose.VERIFY_EMAIL)
        .map(
            t -> {
              Account account = load(new AccountId(t.accountId()));
              Instant now = clock.instant();
              account.verifyEmail(now);
              viewers.evict(t.accountId());
              events.publishEvent(new EmailVerified(account.id(), now));
              return account.id();
            });
  }

  /** Always looks the same to the caller, whether or not the address has an account. */
  @Transactional
  public void requestPasswordReset(String rawEmail) {
    accounts
        .findByEmail(Emails.normalize(rawEmail))
        .ifPresent(
            account -> {
              Instant now = clock.instant();
              tokens.invalidateAll(account.id().value(), AccountToken.Purpose.RESET_PASSWORD, now);
              String token =
                  issueToken(account, AccountToken.Purpose.RESET_PASSWORD, null, now, RESET_TTL);
              events.publishEvent(
                  new PasswordResetRequested(
                      account.id(),
                      account.email(),
                      account.displayName(),
                      account.language(),
                      token,
                      now.plus(RESET_TTL)));
            });
  }

  /** True while a reset link can still be used (for showing the form or an "expired" page). */
  @Transactional(readOnly = true)
  public boolean isUsableResetToken(String token) {
    return token != null
        && tokens
            .findByTokenHash(Tokens.sha256(token))
            .filter(t -> t.purpose() == AccountToken.Purpose.RESET_PASSWORD)
            .filter(t -> t.usableAt(clock.instant()))
            .isPresent();
  }

  /** Sets a new password from a reset link; ends every session of the account. */
  @Transactional
  public void resetPassword(String token, String newPassword) {
    AccountToken t =
        tokens
            .findByTokenHash(Tokens.sha256(token == null ? "" : token))
            .filter(found -> found.purpose() == AccountToken.Purpose.RESET_PASSWORD)
            .orElseThrow(() -> DomainException.conflict("reset-link-invalid"));
    Account account = load(new AccountId(t.accountId()));
    PasswordPolicy.check(newPassword, account.email())
        .ifPresent(
            key -> {
              throw DomainException.invalidField("password", key);
            });
    if (consume(token, AccountToken.Purpose.RESET_PASSWORD).isEmpty()) {
      throw DomainException.conflict("reset-link-invalid");
    }
    Instant now = clock.instant();
    account.changePassword(passwordEncoder.encode(newPassword), now);
    // Receiving the link proves the address.
    account.verifyEmail(now);
    sessions.endAll(account.id().value());
    events.publishEvent(
        new PasswordChanged(
            account.id(), account.email(), account.displayName(), account.language(), now));
  }

  /** Changes the password after checking the current one; other sessions are ended. */
  @Transactional
  public void changePassword(
      AccountId id, String currentPassword, String newPassword, String keepSessionId) {
    Account account = load(id);
    requireCurrentPassword(account, currentPassword);
    PasswordPolicy.check(newPassword, account.email())
        .ifPresent(
            key -> {
              throw DomainException.invalidField("newPassword", key);
            });
    Instant now = clock.instant();
    account.changePassword(passwordEncoder.encode(newPassword), now);
    sessions.endAllExcept(id.value(), keepSessionId);
    events.publishEvent(
        new PasswordChanged(
            account.id(), account.email(), account.displayName(), account.language(), now));
  }

  /** Sends a confirmation link to the new address; the change happens when it is followed. */
  @Transactional
  public void requestEmailChange(AccountId id, String currentPassword, String rawNewEmail) {
    Account account = load(id);
    requireCurrentPassword(account, currentPassword);
    String newEmail = Emails.normalize(rawNewEmail);
    if (!Emails.looksValid(newEmail)) {
      throw DomainException.invalidField("newEmail", "validation.email.invalid");
    }
    if (newEmail.equals(account.email())) {
      throw DomainException.invalidField("newEmail", "validation.email.same");
    }
    if (accounts.existsByEmail(newEmail)) {
      throw DomainException.invalidField("newEmail", "validation.email.taken");
    }
    Instant now = clock.instant();
    tokens.invalidateAll(id.value(), AccountToken.Purpose.CHANGE_EMAIL, now);
    String token =
        issueToken(account, AccountToken.Purpose.CHANGE_EMAIL, newEmail, now, EMAIL_CHANGE_TTL);
    events.publishEvent(
        new EmailChangeRequested(
            id,
            newEmail,
            account.displayName(),
            account.language(),
            token,
            now.plus(EMAIL_CHANGE_TTL)));
  }

  @Transactional
  public Optional<AccountId> confirmEmailChange(String token) {
    Optional<AccountToken> consumed = consume(token, AccountToken.Purpose.CHANGE_EMAIL);
    if (consumed.isEmpty()) {
      return Optional.empty();
    }
    AccountToken t = consumed.get();
    Account account = load(new AccountId(t.accountId()));
    if (accounts.existsByEmail(t.newEmail())) {
      throw DomainException.conflict("email-taken");
    }
    Instant now = clock.instant();
    String old = account.email();
    account.changeEmail(t.newEmail(), now);
    try {
      accounts.flush();
    } catch (DataIntegrityViolationException raced) {
      throw DomainException.conflict("email-taken");
    }
    viewers.evict(t.accountId());
    events.publishEvent(
        new EmailChanged(
            account.id(), old, t.newEmail(), account.displayName(), account.language(), now));
    return Optional.of(account.id());
  }

  @Transactional
  public void updateProfile(
      AccountId id,
      String displayName,
      String bio,
      List<String> links,
      String timeZone,
      String language) {
    Account account = load(id);
    String name = displayName == null ? "" : displayName.strip();
    Map<String, String> errors = new LinkedHashMap<>();
    checkDisplayName(name).ifPresent(key -> errors.put("displayName", key));
    if (bio != null && bio.codePointCount(0, bio.length()) > 1000) {
      errors.put("bio", "validation.bio.too-long");
    }
    if (links.size() > 5) {
      errors.put("links", "validation.links.too-many");
    } else if (!links.stream().allMatch(link -> link.matches("https?://[^\\s<>\"]{3,300}"))) {
      errors.put("links", "validation.links.invalid");
    }
    if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
      errors.put("timeZone", "validation.time-zone.invalid");
    }
    if (!Languages.isSupportedTag(language)) {
      errors.put("language", "validation.language.invalid");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    account.updateProfile(
        name, bio == null ? null : bio.strip(), links, timeZone, language, clock.instant());
    viewers.evict(id.value());
  }

  @Transactional
  public void changeLanguage(AccountId id, String language) {
    if (Languages.isSupportedTag(language)) {
      accounts.findById(id.value()).ifPresent(a -> a.changeLanguage(language, clock.instant()));
      viewers.evict(id.value());
    }
  }

  @Transactional
  public void changeAvatar(AccountId id, String avatarKey) {
    load(id).changeAvatar(avatarKey, clock.instant());
    viewers.evict(id.value());
  }

  /** The owner replaces a member's roles. The last owner cannot give up ownership. */
  @Transactional
  public void setRoles(AccountId actor, AccountId target, Set<Role> requested) {
    Account account = load(target);
    Set<Role> before = account.roles();
    EnumSet<Role> after = EnumSet.of(Role.MEMBER);
    requested.stream().filter(Role.ASSIGNABLE::contains).forEach(after::add);
    if (before.contains(Role.OWNER) && !after.contains(Role.OWNER) && countOwners() <= 1) {
      throw DomainException.conflict("last-owner");
    }
    if (before.equals(after)) {
      return;
    }
    Instant now = clock.instant();
    account.replaceRoles(after, now);
    // Authorities live in the session: make the member sign in again to pick up new roles.
    sessions.endAll(target.value());
    viewers.evict(target.value());
    events.publishEvent(new RolesChanged(target, before, after, actor, now));
  }

  /**
   * Bans a member (until a date, or indefinitely when {@code until} is null): their sessions (and
   * with them "keep me signed in") end and their personal access tokens are revoked, all at once
   * and on every instance, since both live in the shared database. Tokens stay revoked after the
   * ban; the member creates new ones.
   */
  @Transactional
  public void ban(AccountId actor, AccountId target, String reason, Instant until) {
    if (actor.equals(target)) {
      throw DomainException.conflict("ban-self");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw DomainException.invalidField("reason", "validation.ban.reason-required");
    }
    if (why.length() > 500) {
      throw DomainException.invalidField("reason", "validation.ban.reason-too-long");
    }
    Instant now = clock.instant();
    if (until != null && !until.isAfter(now)) {
      throw DomainException.invalidField("until", "validation.ban.until-past");
    }
    Account account = load(target);
    if (account.roles().contains(Role.OWNER)) {
      throw DomainException.conflict("ban-owner");
    }
    bans.findByAccountIdAndLiftedAtIsNull(target.value()).forEach(b -> b.lift(actor.value(), now));
    account.ban(why, until, now);
    bans.save(new AccountBan(target.value(), why, until, actor.value(), now));
    accessTokens.revokeAll(target.value(), now);
    sessions.endAll(target.value());
    viewers.evict(target.value());
    events.publishEvent(new AccountBanned(target, why, until, actor, now));
  }

  @Transactional
  public void unban(AccountId actor, AccountId target) {
    Account account = load(target);
    Instant now = clock.instant();
    bans.findByAccountIdAndLiftedAtIsNull(target.value()).forEach(b -> b.lift(actor.value(), now));
    account.unban(now);
    viewers.evict(target.value());
    events.publishEvent(new AccountUnbanned(target, actor, now));
  }

  /**
   * Lifts a ban whose end date has come (the ban job calls this; until then sign-in and every
   * request already treat the ban as over). Does nothing if the ban was lifted or changed
   * meanwhile. The {@link AccountUnbanned} event has no actor.
   */
  @Transactional
  public void liftExpiredBan(AccountId target) {
    Instant now = clock.instant();
    accounts
        .findById(target.value())
        .filter(a -> a.status() == AccountStatus.BANNED)
        .filter(a -> a.bannedUntil() != null && !a.bannedUntil().isAfter(now))
        .ifPresent(
            account -> {
              bans.findByAccountIdAndLiftedAtIsNull(target.value())
                  .forEach(b -> b.lift(null, account.bannedUntil()));
              account.unban(now);
              viewers.evict(target.value());
              events.publishEvent(new AccountUnbanned(target, null, now));
            });
  }

  private static Optional<String> checkDisplayName(String name) {
    if (name.isEmpty()) {
      return Optional.of("validation.display-name.required");
    }
    if (name.codePointCount(0, name.length()) > 40) {
      return Optional.of("validation.display-name.too-long");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("validation.display-name.invalid");
    }
    return Optional.empty();
  }

  private long countOwners() {
    return accounts.countWithRole(Role.OWNER);
  }

  private void requireCurrentPassword(Account account, String currentPassword) {
    if (currentPassword == null
        || !passwordEncoder.matches(currentPassword, account.passwordHash())) {
      throw DomainException.invalidField("currentPassword", "validation.password.current-wrong");
    }
  }

  private void issueVerification(Account account, Instant now) {
    tokens.invalidateAll(account.id().value(), AccountToken.Purpose.VERIFY_EMAIL, now);
    String token = issueToken(account, AccountToken.Purpose.VERIFY_EMAIL, null, now, VERIFY_TTL);
    events.publishEvent(
        new EmailVerificationRequested(
            account.id(),
            account.email(),
            account.displayName(),
            account.language(),
            token,
            now.plus(VERIFY_TTL)));
  }

  private String issueToken(
      Account account, AccountToken.Purpose purpose, String newEmail, Instant now, Duration ttl) {
    String token = Tokens.random();
    tokens.save(
        new AccountToken(
            account.id().value(), purpose, Tokens.sha256(token), newEmail, now, now.plus(ttl)));
    return token;
  }

  private Optional<AccountToken> consume(String token, AccountToken.Purpose purpose) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    String hash = Tokens.sha256(token);
    Optional<AccountToken> found = tokens.findByTokenHash(hash).filter(t -> t.purpose() == purpose);
    if (found.isEmpty() || tokens.consume(hash, clock.instant()) != 1) {
      return Optional.empty();
    }
    return found;
  }

  private Account load(AccountId id) {
    return accounts
        .findById(id.value())
        .orElseThrow(() -> DomainException.notFound("account-not-found"));
  }

  private String newHandle() {
    for (int attempt = 0; attempt < 20; attempt++) {
      StringBuilder handle = new StringBuilder("m");
      for (int i = 0; i < 7; i++) {
        handle.append(HANDLE_ALPHABET.charAt(RANDOM.nextInt(HANDLE_ALPHABET.length())));
      }
      if (!accounts.existsByHandle(handle.toString())) {
        return handle.toString();
      }
    }
    return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }
}
