package org.guildhall.commerce;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.guildhall.shared.paging.KeysetPage;

/**
 * What the owner's console uses of commerce: every order with filters and a CSV export, coupons,
 * limited-time offers, group-buy deals and the payment settings. Lists are paged by key ({@code
 * created_at DESC, id DESC}), never by offset. Creating something validates every field at once and
 * throws a {@link org.guildhall.platform.DomainException} with all field errors (field → message
 * key), storing nothing. Refunds go through {@link CommerceApi#refund}.
 */
public interface CommerceAdminApi {

  /** Batch size of the CSV export: rows are read and written this many at a time. */
  int EXPORT_BATCH = 500;

  // Orders

  /** Orders, newest first; {@code after} is the previous page's {@code next}. */
  KeysetPage<OrderView> orders(OrderFilter filter, String after, int size);

  /**
   * Writes every order matching {@code filter} as CSV (RFC 4180, UTF-8 with a byte order mark,
   * CRLF) in batches of {@link #EXPORT_BATCH}, never holding them all: a header row, then {@code
   * id, created_at, buyer_id, item, title, status, currency, total, refunded, gateway, payment_ref,
   * paid_at} with instants in ISO-8601 UTC and amounts in major units.
   */
  void exportOrders(OrderFilter filter, Writer out) throws IOException;

  /** The verified gateway notifications stored for an order, oldest first. */
  List<PaymentNotificationView> notifications(UUID orderId);

  /** The item kinds on sale ({@code membership}, ...), for filters and scopes. */
  List<String> itemKinds();

  /** The ids orders can carry as their gateway: the installed gateways and {@code free}. */
  List<String> orderGateways();

  // Coupons

  KeysetPage<CouponView> coupons(String after, int size);

  /** Creates a coupon; local date-times in the form are read in {@code zone}. */
  CouponView createCoupon(CouponForm form, ZoneId zone);

  void setCouponActive(UUID id, boolean active);

  // Limited-time offers

  /** The newest 200 offers by start. */
  List<OfferView> offers();

  OfferView createOffer(OfferForm form, ZoneId zone);

  void setOfferActive(UUID id, boolean active);

  // Group buys

  /** The newest 200 deals. */
  List<GroupDealSummary> groupDeals();

  Optional<GroupDealSummary> groupDeal(UUID id);

  GroupDealSummary createGroupDeal(GroupDealForm form);

  void setGroupDealActive(UUID id, boolean active);

  /** The groups opened on a deal, newest first. */
  KeysetPage<GroupBuyView> groups(UUID dealId, String after, int size);

  // Payment settings

  PaymentSettings paymentSettings();

  /**
   * Makes {@code gatewayId} the gateway of new checkouts; refused with a field error on {@code
   * gateway} unless it is installed and configured.
   */
  void chooseGateway(String gatewayId);

  /**
   * Stores a gateway's keys sealed: a blank value keeps the current one, a name in {@code clear}
   * removes the stored value. Unknown gateways and key names are refused.
   */
  void savePaymentKeys(String gatewayId, Map<String, String> values, Set<String> clear);

  void saveSandboxFaults(SandboxFaultsForm form);

  /** The sandbox gateway's notifications, newest first. */
  KeysetPage<SandboxDeliveryView> sandboxDeliveries(String after, int size);
}
