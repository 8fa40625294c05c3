package org.guildhall.commerce.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.PurchasableCatalog;
import org.guildhall.platform.DomainException;
import org.springframework.stereotype.Component;

/** Every module's {@link PurchasableCatalog}, by item kind. */
@Component
class Catalogs {

  private final Map<String, PurchasableCatalog> byKind;

  Catalogs(List<PurchasableCatalog> catalogs) {
    this.byKind =
        catalogs.stream().collect(Collectors.toMap(PurchasableCatalog::kind, Function.identity()));
  }

  /** The item kinds on sale, sorted. */
  List<String> kinds() {
    return byKind.keySet().stream().sorted().toList();
  }

  Optional<Purchasable> find(ItemRef ref, UUID buyerId, Locale locale) {
    PurchasableCatalog catalog = byKind.get(ref.kind());
    return catalog == null ? Optional.empty() : catalog.find(ref.key(), buyerId, locale);
  }

  void checkBuyable(ItemRef ref, UUID buyerId) {
    PurchasableCatalog catalog = byKind.get(ref.kind());
    if (catalog == null) {
      throw DomainException.notFound("item-not-found");
    }
    catalog.checkBuyable(ref.key(), buyerId);
  }
}
