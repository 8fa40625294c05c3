package org.guildhall.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.PurchasableCatalog;
import org.guildhall.shared.Money;

/**
 * A catalog of test items ({@code test-item/<key>}, ¥50 each) for the commerce extension point,
 * until courses arrive: any key of lower-case letters, digits and dashes is on sale.
 */
public class TestItems implements PurchasableCatalog {

  public static final Money PRICE = Money.of(5000, "CNY");

  public static ItemRef item(String key) {
    return new ItemRef("test-item", key);
  }

  @Override
  public String kind() {
    return "test-item";
  }

  @Override
  public Optional<Purchasable> find(String key, UUID buyerId, Locale locale) {
    if (!key.matches("[a-z0-9-]{1,60}")) {
      return Optional.empty();
    }
    return Optional.of(
        new Purchasable(item(key), "Test item " + key, PRICE, List.of(), 0, "/test-items/" + key));
  }
}
