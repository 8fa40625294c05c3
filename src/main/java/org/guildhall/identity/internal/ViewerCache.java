package org.guildhall.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.platform.web.Viewer;
import org.guildhall.platform.web.ViewerLookup;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed-in viewer for each request, cached for a few seconds per instance so a page costs no
 * query for it. Changes on this instance evict at once; other instances see them within the TTL
 * (bans also delete the sessions in the shared store, which takes effect immediately).
 */
@Component
class ViewerCache implements ViewerLookup {

  private static final Duration TTL = Duration.ofSeconds(5);

  private final AccountRepository accounts;
  private final TransactionTemplate readOnly;
  private final Clock clock;
  private final Cache<UUID, Optional<Viewer>> cache =
      Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(50_000).build();

  ViewerCache(AccountRepository accounts, TransactionTemplate transactions, Clock clock) {
    this.accounts = accounts;
    this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
    this.readOnly.setReadOnly(true);
    this.clock = clock;
  }

  @Override
  public Optional<Viewer> find(UUID accountId) {
    return cache.get(accountId, this::load);
  }

  @Override
  public void evict(UUID accountId) {
    cache.invalidate(accountId);
  }

  private Optional<Viewer> load(UUID accountId) {
    return readOnly.execute(
        status ->
            accounts
                .findById(accountId)
                .map(
                    a ->
                        new Viewer(
                            accountId,
                            a.displayName(),
                            a.handle(),
                            Avatars.url(a.avatarKey()),
                            a.roles().stream().map(Enum::name).collect(Collectors.toSet()),
                            zone(a.timeZone()),
                            a.language(),
                            a.emailVerified(),
                            a.isBannedAt(clock.instant()))));
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (RuntimeException e) {
      return ZoneId.of("Asia/Shanghai");
    }
  }
}
