package org.guildhall.content.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.PurchasableCatalog;
import org.guildhall.content.ContentAccess;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ContentStatus;
import org.guildhall.membership.MembershipApi;
import org.guildhall.platform.DomainException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Sold content through commerce: one catalog per kind ({@code course/<id>}, {@code column/<id>},
 * …). An item is on sale while it is visible to everyone (published, or scheduled and already due)
 * and its access is {@code PURCHASE}; the buyer lands back on it after paying.
 */
@Configuration(proxyBeanMethods = false)
class ContentCatalogs {

  @Bean
  PurchasableCatalog courseCatalog(
      ContentQueries queries, ObjectProvider<MembershipApi> membership, Clock clock) {
    return new KindCatalog(ContentKind.COURSE, queries, membership, clock);
  }

  @Bean
  PurchasableCatalog columnCatalog(
      ContentQueries queries, ObjectProvider<MembershipApi> membership, Clock clock) {
    return new KindCatalog(ContentKind.COLUMN, queries, membership, clock);
  }

  @Bean
  PurchasableCatalog articleCatalog(
      ContentQueries queries, ObjectProvider<MembershipApi> membership, Clock clock) {
    return new KindCatalog(ContentKind.ARTICLE, queries, membership, clock);
  }

  @Bean
  PurchasableCatalog audioCatalog(
      ContentQueries queries, ObjectProvider<MembershipApi> membership, Clock clock) {
    return new KindCatalog(ContentKind.AUDIO, queries, membership, clock);
  }

  @Bean
  PurchasableCatalog videoCatalog(
      ContentQueries queries, ObjectProvider<MembershipApi> membership, Clock clock) {
    return new KindCatalog(ContentKind.VIDEO, queries, membership, clock);
  }

  @Bean
  PurchasableCatalog replayCatalog(
      ContentQueries queries, ObjectProvider<MembershipApi> membership, Clock clock) {
    return new KindCatalog(ContentKind.REPLAY, queries, membership, clock);
  }

  static final class KindCatalog implements PurchasableCatalog {

    private final ContentKind kind;
    private final ContentQueries queries;
    private final ObjectProvider<MembershipApi> membership;
    private final Clock clock;

    KindCatalog(
        ContentKind kind,
        ContentQueries queries,
        ObjectProvider<MembershipApi> membership,
        Clock clock) {
      this.kind = kind;
      this.queries = queries;
      this.membership = membership;
      this.clock = clock;
    }

    @Override
    public String kind() {
      return kind.itemKind();
    }

    @Override
    public Optional<Purchasable> find(String key, UUID buyerId, Locale locale) {
      return onSale(key)
          .map(
              row ->
                  new Purchasable(
                      row.ref(),
                      row.title(),
                      row.price(),
                      List.of(),
                      0,
                      "/" + kind.path() + "/" + row.slug()));
    }

    @Override
    public void checkBuyable(String key, UUID buyerId) {
      ItemRow row = onSale(key).orElseThrow(() -> DomainException.notFound("item-not-found"));
      if (buyerId != null && membership.getObject().reader(buyerId).mayRead(row.rule())) {
        throw DomainException.conflict("content.error.already-yours");
      }
    }

    private Optional<ItemRow> onSale(String key) {
      UUID id;
      try {
        id = UUID.fromString(key);
      } catch (IllegalArgumentException notAnId) {
        return Optional.empty();
      }
      return queries
          .row(id)
          .filter(r -> r.kind() == kind && r.access() == ContentAccess.PURCHASE)
          .filter(
              r ->
                  r.status() == ContentStatus.PUBLISHED
                      || (r.status() == ContentStatus.SCHEDULED
                          && r.publishedAt() != null
                          && !r.publishedAt().isAfter(clock.instant())));
    }
  }
}
