package org.guildhall.membership.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.guildhall.membership.TierView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the tier catalogue. Tiers change rarely and every public page shows them, so each instance
 * keeps them for a minute (and forgets them at once when they change here).
 */
@Component
public class TierCatalog {

  private final TierRepository tiers;
  private final TransactionTemplate readOnly;
  private final LoadingCache<Locale, List<TierView>> cache =
      Caffeine.newBuilder()
          .expireAfterWrite(Duration.ofMinutes(1))
          .maximumSize(8)
          .build(this::load);

  TierCatalog(TierRepository tiers, TransactionTemplate transactions) {
    this.tiers = tiers;
    this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
    this.readOnly.setReadOnly(true);
  }

  public List<TierView> active(Locale locale) {
    return cache.get(locale);
  }

  /** Called after any change to tiers or prices. */
  public void evict() {
    cache.invalidateAll();
  }

  private List<TierView> load(Locale locale) {
    return readOnly.execute(
        status -> tiers.findActiveWithPrices().stream().map(t -> t.view(locale)).toList());
  }
}
