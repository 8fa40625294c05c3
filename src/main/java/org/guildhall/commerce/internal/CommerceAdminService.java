package org.guildhall.commerce.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;
import static org.guildhall.platform.jdbc.Sql.uuid;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.guildhall.commerce.CommerceAdminApi;
import org.guildhall.commerce.CouponForm;
import org.guildhall.commerce.CouponView;
import org.guildhall.commerce.GroupBuyView;
import org.guildhall.commerce.GroupDealForm;
import org.guildhall.commerce.GroupDealSummary;
import org.guildhall.commerce.ItemRef;
import org.guildhall.commerce.OfferForm;
import org.guildhall.commerce.OfferView;
import org.guildhall.commerce.OrderFilter;
import org.guildhall.commerce.OrderView;
import org.guildhall.commerce.PaymentNotificationView;
import org.guildhall.commerce.PaymentSettings;
import org.guildhall.commerce.PaymentSettings.GatewayState;
import org.guildhall.commerce.PaymentSettings.KeySource;
import org.guildhall.commerce.PaymentSettings.KeyState;
import org.guildhall.commerce.Purchasable;
import org.guildhall.commerce.SandboxDeliveryView;
import org.guildhall.commerce.SandboxFaultsForm;
import org.guildhall.commerce.gateway.PaymentGateway;
import org.guildhall.platform.DomainException;
import org.guildhall.platform.InstallationSettings;
import org.guildhall.shared.Money;
import org.guildhall.shared.paging.Cursor;
import org.guildhall.shared.paging.KeysetPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owner's console over commerce: the {@link CommerceAdminApi} facade. Every list is one
 * statement per page; every form is checked field by field and refused as a whole.
 */
@Service
class CommerceAdminService implements CommerceAdminApi {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{3,40}");
  private static final Pattern SCOPE_KEY = Pattern.compile("[A-Za-z0-9:_.-]{1,160}");
  private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f-]{1,36}");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
  private static final int MAX_KEY_LENGTH = 10_000;
  private static final int LIST_LIMIT = 200;

  /** The keys each gateway needs, in the order the settings page shows them. */
  static final Map<String, List<String>> GATEWAY_KEYS =
      Map.of(
          "stripe", List.of("secret-key", "webhook-secret"),
          "alipay", List.of("app-id", "private-key", "alipay-public-key"),
          "wechat",
              List.of(
                  "app-id",
                  "merchant-id",
                  "merchant-serial",
                  "private-key",
                  "api-v3-key",
                  "platform-public-key",
                  "platform-public-key-id"));

  private static final List<String> GATEWAY_ORDER =
      List.of("sandbox", "stripe", "alipay", "wechat");
  private static final Set<String> MULTILINE_KEYS =
      Set.of("private-key", "alipay-public-key", "platform-public-key");

  private final JdbcClient jdbc;
  private final Catalogs catalogs;
  private final CouponStore coupons;
  private final OfferStore offers;
  private final GroupStore groups;
  private final Gateways gateways;
  private final PaymentKeys keys;
  private final SandboxFaults faults;
  private final InstallationSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final Currency currency;

  CommerceAdminService(
      JdbcClient jdbc,
      Catalogs catalogs,
      CouponStore coupons,
      OfferStore offers,
      GroupStore groups,
      Gateways gateways,
      PaymentKeys keys,
      SandboxFaults faults,
      InstallationSettings settings,
      JsonMapper json,
      Clock clock,
      @Value("${guildhall.currency:CNY}") String currency) {
    this.jdbc = jdbc;
    this.catalogs = catalogs;
    this.coupons = coupons;
    this.offers = offers;
    this.groups = groups;
    this.gateways = gateways;
    this.keys = keys;
    this.faults = faults;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.currency = Currency.getInstance(currency);
  }

  // ---------------------------------------------------------------- orders

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<OrderView> orders(OrderFilter filter, String after, int size) {
    int limit = Math.max(1, Math.min(size, 100));
    List<OrderRow> rows = findOrders(filter, Cursor.decode(after).orElse(null), limit + 1);
    return KeysetPage.of(rows, limit, o -> new Cursor(o.createdAt(), o.id()))
        .map(OrderRow::summary);
  }

  @Override
  public void exportOrders(OrderFilter filter, Writer out) throws IOException {
    OrderCsv.header(out);
    Cursor after = null;
    while (true) {
      List<OrderRow> batch = findOrders(filter, after, EXPORT_BATCH);
      for (OrderRow o : batch) {
        OrderCsv.row(out, o);
      }
      out.flush();
      if (batch.size() < EXPORT_BATCH) {
        return;
      }
      OrderRow last = batch.get(batch.size() - 1);
      after = new Cursor(last.createdAt(), last.id());
    }
  }

  private List<OrderRow> findOrders(OrderFilter f, Cursor after, int limit) {
    OrderFilter filter = f == null ? OrderFilter.none() : f;
    StringBuilder sql =
        new StringBuilder("SELECT " + OrderStore.COLUMNS + " FROM commerce_order WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.status() != null) {
      sql.append(" AND status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.gateway() != null) {
      sql.append(" AND gateway = :gateway");
      params.put("gateway", filter.gateway());
    }
    if (filter.itemKind() != null) {
      sql.append(" AND item_kind = :kind");
      params.put("kind", filter.itemKind());
    }
    if (filter.createdFrom() != null) {
      sql.append(" AND created_at >= :from");
      params.put("from", ts(filter.createdFrom()));
    }
    if (filter.createdBefore() != null) {
      sql.append(" AND created_at < :before");
      params.put("before", ts(filter.createdBefore()));
    }
    if (filter.buyerId() != null) {
      sql.append(" AND buyer_id = :buyer");
      params.put("buyer", filter.buyerId());
    }
    if (filter.text() != null) {
      String text = filter.text();
      String lower = text.toLowerCase(Locale.ROOT);
      if (HEX_PREFIX.matcher(lower).matches()) {
        sql.append(" AND (CAST(id AS VARCHAR(36)) LIKE :idPrefix OR payment_ref = :ref)");
        params.put("idPrefix", lower + "%");
      } else {
        sql.append(" AND payment_ref = :ref");
      }
      params.put("ref", text);
    }
    if (after != null) {
      sql.append(" AND (created_at < :at OR (created_at = :at AND id < :after))");
      params.put("at", ts(after.at()));
      params.put("after", after.id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(OrderStore::row).list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<PaymentNotificationView> notifications(UUID orderId) {
    return jdbc.sql(
            "SELECT gateway, event_id, type, amount_minor, currency, outcome, received_at FROM"
                + " payment_notification WHERE order_id = ? ORDER BY received_at, event_id")
        .param(orderId)
        .query(
            (rs, n) -> {
              long amount = rs.getLong("amount_minor");
              boolean hasAmount = !rs.wasNull() && rs.getString("currency") != null;
              return new PaymentNotificationView(
                  rs.getString("gateway"),
                  rs.getString("event_id"),
                  rs.getString("type"),
                  hasAmount ? Money.of(amount, rs.getString("currency").strip()) : null,
                  rs.getString("outcome"),
                  instant(rs, "received_at"));
            })
        .list();
  }

  @Override
  public List<String> itemKinds() {
    return catalogs.kinds();
  }

  @Override
  public List<String> orderGateways() {
    List<String> ids = new ArrayList<>();
    for (String id : GATEWAY_ORDER) {
      if (gateways.byId(id).isPresent()) {
        ids.add(id);
      }
    }
    gateways.all().stream()
        .map(PaymentGateway::id)
        .filter(id -> !ids.contains(id))
        .sorted()
        .forEach(ids::add);
    ids.add(CommerceService.FREE);
    return ids;
  }

  // ---------------------------------------------------------------- coupons

  private static final String COUPON_COLUMNS =
      "c.id, c.code, c.percent_off, c.amount_off_minor, c.currency, c.scope_kind, c.scope_key,"
          + " c.starts_at, c.ends_at, c.total_limit, c.per_person_limit, c.first_purchase_only,"
          + " c.reserved_count, c.active, c.created_at, (SELECT COUNT(*) FROM commerce_order o"
          + " WHERE o.coupon_id = c.id AND o.paid_at IS NOT NULL) AS paid_uses";

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<CouponView> coupons(String after, int size) {
    int limit = Math.max(1, Math.min(size, 100));
    Optional<Cursor> cursor = Cursor.decode(after);
    String keyset =
        cursor.isEmpty()
            ? ""
            : " WHERE (c.created_at < :at OR (c.created_at = :at AND c.id < :after))";
    var spec =
        jdbc.sql(
                "SELECT "
                    + COUPON_COLUMNS
                    + " FROM coupon c"
                    + keyset
                    + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit")
            .param("limit", limit + 1);
    if (cursor.isPresent()) {
      spec = spec.param("at", ts(cursor.get().at())).param("after", cursor.get().id());
    }
    List<CouponView> rows = spec.query(CommerceAdminService::coupon).list();
    return KeysetPage.of(rows, limit, c -> new Cursor(c.createdAt(), c.id()));
  }

  private Optional<CouponView> coupon(UUID id) {
    return jdbc.sql("SELECT " + COUPON_COLUMNS + " FROM coupon c WHERE c.id = ?")
        .param(id)
        .query(CommerceAdminService::coupon)
        .optional();
  }

  @Override
  @Transactional
  public CouponView createCoupon(CouponForm form, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    String code = CouponStore.normalize(form.code());
    if (!CODE.matcher(code).matches()) {
      errors.put("code", "validation.coupon.code");
    } else if (coupons.byCode(code).isPresent()) {
      errors.put("code", "validation.coupon.code-taken");
    }
    Discount discount = discount(form.percentOff(), form.amountOff(), errors);
    Scope scope = scope(form.scopeKind(), form.scopeKey(), errors);
    Instant starts = instantField(form.startsAt(), "startsAt", zone, false, errors);
    Instant ends = instantField(form.endsAt(), "endsAt", zone, false, errors);
    window(starts, ends, errors);
    Integer totalLimit =
        optionalInteger(
            form.totalLimit(), 1, 1_000_000, "totalLimit", "validation.coupon.total-limit", errors);
    Integer perPerson =
        optionalInteger(
            form.perPersonLimit(),
            1,
            1_000,
            "perPersonLimit",
            "validation.coupon.per-person-limit",
            errors);
    if (perPerson == null && !errors.containsKey("perPersonLimit")) {
      errors.put("perPersonLimit", "validation.coupon.per-person-limit");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    UUID id = UUID.randomUUID();
    try {
      coupons.insert(
          new CouponStore.Coupon(
              id,
              code,
              discount.percent(),
              discount.amount(),
              scope.kind(),
              scope.key(),
              starts,
              ends,
              totalLimit,
              perPerson,
              form.firstPurchase(),
              0,
              form.activeNow(),
              clock.instant()));
    } catch (DuplicateKeyException raced) {
      throw DomainException.invalidField("code", "validation.coupon.code-taken");
    }
    return coupon(id).orElseThrow();
  }

  @Override
  @Transactional
  public void setCouponActive(UUID id, boolean active) {
    if (!coupons.setActive(id, active)) {
      throw DomainException.notFound("coupon-not-found");
    }
  }

  private static CouponView coupon(ResultSet rs, int n) throws SQLException {
    long amountOff = rs.getLong("amount_off_minor");
    boolean hasAmount = !rs.wasNull();
    int percent = rs.getInt("percent_off");
    boolean hasPercent = !rs.wasNull();
    int limit = rs.getInt("total_limit");
    boolean hasLimit = !rs.wasNull();
    return new CouponView(
        uuid(rs, "id"),
        rs.getString("code"),
        hasPercent ? percent : null,
        hasAmount ? Money.of(amountOff, rs.getString("currency").strip()) : null,
        rs.getString("scope_kind"),
        rs.getString("scope_key"),
        instant(rs, "starts_at"),
        instant(rs, "ends_at"),
        hasLimit ? limit : null,
        rs.getInt("per_person_limit"),
        rs.getBoolean("first_purchase_only"),
        rs.getBoolean("active"),
        rs.getInt("reserved_count"),
        rs.getLong("paid_uses"),
        instant(rs, "created_at"));
  }

  // ---------------------------------------------------------------- offers

  @Override
  @Transactional(readOnly = true)
  public List<OfferView> offers() {
    return offers.all().stream().map(OfferStore.Offer::view).toList();
  }

  @Override
  @Transactional
  public OfferView createOffer(OfferForm form, ZoneId zone) {
    Map<String, String> errors = new LinkedHashMap<>();
    String nameEn = name(form.nameEn(), "nameEn", errors);
    String nameZh = name(form.nameZh(), "nameZh", errors);
    Scope scope = scope(form.scopeKind(), form.scopeKey(), errors);
    Discount discount = discount(form.percentOff(), form.amountOff(), errors);
    Instant starts = instantField(form.startsAt(), "startsAt", zone, true, errors);
    Instant ends = instantField(form.endsAt(), "endsAt", zone, true, errors);
    window(starts, ends, errors);
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    OfferStore.Offer offer =
        new OfferStore.Offer(
            UUID.randomUUID(),
            nameEn,
            nameZh,
            scope.kind(),
            scope.key(),
            discount.percent(),
            discount.amount(),
            starts,
            ends,
            form.activeNow());
    offers.insert(offer, clock.instant());
    return offer.view();
  }

  @Override
  @Transactional
  public void setOfferActive(UUID id, boolean active) {
    if (!offers.setActive(id, active)) {
      throw DomainException.notFound("offer-not-found");
    }
  }

  private static String name(String raw, String field, Map<String, String> errors) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty() || name.length() > 120) {
      errors.put(field, "validation.offer.name");
    }
    return name;
  }

  // ---------------------------------------------------------------- group buys

  private static final String DEAL_COLUMNS =
      "d.id, d.item_kind, d.item_key, d.group_price_minor, d.currency, d.group_size,"
          + " d.hours_to_fill, d.active, (SELECT COUNT(*) FROM group_buy g WHERE g.deal_id = d.id"
          + " AND g.status = 'OPEN') AS open_groups, (SELECT COUNT(*) FROM group_buy g WHERE"
          + " g.deal_id = d.id AND g.status = 'COMPLETED') AS completed_groups, (SELECT COUNT(*)"
          + " FROM group_buy g WHERE g.deal_id = d.id AND g.status = 'FAILED') AS failed_groups";

  @Override
  @Transactional(readOnly = true)
  public List<GroupDealSummary> groupDeals() {
    return jdbc.sql(
            "SELECT "
                + DEAL_COLUMNS
                + " FROM group_deal d ORDER BY d.created_at DESC, d.id DESC LIMIT "
                + LIST_LIMIT)
        .query(CommerceAdminService::deal)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<GroupDealSummary> groupDeal(UUID id) {
    return jdbc.sql("SELECT " + DEAL_COLUMNS + " FROM group_deal d WHERE d.id = ?")
        .param(id)
        .query(CommerceAdminService::deal)
        .optional();
  }

  @Override
  @Transactional
  public GroupDealSummary createGroupDeal(GroupDealForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<ItemRef> item = ItemRef.parse(form.item() == null ? null : form.item().strip());
    Optional<Purchasable> purchasable = Optional.empty();
    if (item.isEmpty()) {
      errors.put("item", "validation.deal.item");
    } else {
      purchasable = catalogs.find(item.get(), null, Locale.ENGLISH);
      if (purchasable.isEmpty()) {
        errors.put("item", "validation.deal.item-not-found");
      }
    }
    Money price = amount(form.groupPrice(), "groupPrice", "validation.deal.price", errors);
    if (price != null && purchasable.isPresent()) {
      Money list = purchasable.get().listPrice();
      if (!list.currency().equals(price.currency()) || price.compareTo(list) >= 0) {
        errors.put("groupPrice", "validation.deal.price-not-below");
      }
    }
    Integer size = optionalInteger(form.size(), 2, 50, "size", "validation.deal.size", errors);
    if (size == null && !errors.containsKey("size")) {
      errors.put("size", "validation.deal.size");
    }
    Integer hours =
        optionalInteger(form.hoursToFill(), 1, 720, "hoursToFill", "validation.deal.hours", errors);
    if (hours == null && !errors.containsKey("hoursToFill")) {
      errors.put("hoursToFill", "validation.deal.hours");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    UUID id = UUID.randomUUID();
    groups.insertDeal(
        new GroupStore.Deal(id, item.get(), price, size, hours, form.activeNow()), clock.instant());
    return groupDeal(id).orElseThrow();
  }

  @Override
  @Transactional
  public void setGroupDealActive(UUID id, boolean active) {
    if (jdbc.sql("UPDATE group_deal SET active = ? WHERE id = ?").params(active, id).update()
        != 1) {
      throw DomainException.notFound("group-deal-not-found");
    }
  }

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<GroupBuyView> groups(UUID dealId, String after, int size) {
    int limit = Math.max(1, Math.min(size, 100));
    Optional<Cursor> cursor = Cursor.decode(after);
    String keyset =
        cursor.isEmpty() ? "" : " AND (opened_at < :at OR (opened_at = :at AND id < :after))";
    var spec =
        jdbc.sql(
                "SELECT id, leader_id, status, group_size, seats_taken, paid_count, opened_at,"
                    + " expires_at, closed_at FROM group_buy WHERE deal_id = :deal"
                    + keyset
                    + " ORDER BY opened_at DESC, id DESC LIMIT :limit")
            .param("deal", dealId)
            .param("limit", limit + 1);
    if (cursor.isPresent()) {
      spec = spec.param("at", ts(cursor.get().at())).param("after", cursor.get().id());
    }
    List<GroupBuyView> rows =
        spec.query(
                (rs, n) ->
                    new GroupBuyView(
                        uuid(rs, "id"),
                        uuid(rs, "leader_id"),
                        rs.getString("status"),
                        rs.getInt("group_size"),
                        rs.getInt("seats_taken"),
                        rs.getInt("paid_count"),
                        instant(rs, "opened_at"),
                        instant(rs, "expires_at"),
                        instant(rs, "closed_at")))
            .list();
    return KeysetPage.of(rows, limit, g -> new Cursor(g.openedAt(), g.id()));
  }

  private static GroupDealSummary deal(ResultSet rs, int n) throws SQLException {
    return new GroupDealSummary(
        uuid(rs, "id"),
        new ItemRef(rs.getString("item_kind"), rs.getString("item_key")),
        Money.of(rs.getLong("group_price_minor"), rs.getString("currency").strip()),
        rs.getInt("group_size"),
        rs.getInt("hours_to_fill"),
        rs.getBoolean("active"),
        rs.getInt("open_groups"),
        rs.getInt("completed_groups"),
        rs.getInt("failed_groups"));
  }

  // ---------------------------------------------------------------- payment settings

  @Override
  @Transactional(readOnly = true)
  public PaymentSettings paymentSettings() {
    List<GatewayState> states = new ArrayList<>();
    List<String> ids = new ArrayList<>(GATEWAY_ORDER);
    gateways.all().stream()
        .map(PaymentGateway::id)
        .filter(id -> !ids.contains(id))
        .sorted()
        .forEach(ids::add);
    for (String id : ids) {
      Optional<PaymentGateway> gateway = gateways.byId(id);
      List<KeyState> keyStates = new ArrayList<>();
      for (String name : GATEWAY_KEYS.getOrDefault(id, List.of())) {
        KeySource source =
            keys.fromEnvironment(id, name)
                ? KeySource.ENVIRONMENT
                : keys.stored(id, name) ? KeySource.SET : KeySource.NOT_SET;
        keyStates.add(new KeyState(name, source, MULTILINE_KEYS.contains(name)));
      }
      states.add(
          new GatewayState(
              id,
              gateway.isPresent(),
              gateway.map(PaymentGateway::configured).orElse(false),
              keyStates));
    }
    SandboxFaults.Faults f = faults.current();
    return new PaymentSettings(
        gateways.active().id(),
        settings.get(Gateways.SETTING).orElse(SandboxGateway.ID),
        states,
        new PaymentSettings.SandboxFaultsView(f.copies(), f.delaySeconds(), f.reorder(), f.drop()));
  }

  @Override
  @Transactional
  public void chooseGateway(String gatewayId) {
    Optional<PaymentGateway> gateway =
        gatewayId == null ? Optional.empty() : gateways.byId(gatewayId.strip());
    if (gateway.isEmpty()) {
      throw DomainException.invalidField("gateway", "validation.payments.gateway-unknown");
    }
    if (!gateway.get().configured()) {
      throw DomainException.invalidField("gateway", "validation.payments.gateway-not-configured");
    }
    gateways.choose(gateway.get().id());
  }

  @Override
  @Transactional
  public void savePaymentKeys(String gatewayId, Map<String, String> values, Set<String> clear) {
    List<String> names = GATEWAY_KEYS.get(gatewayId);
    if (names == null) {
      throw DomainException.notFound("gateway-not-found");
    }
    Map<String, String> errors = new LinkedHashMap<>();
    values.forEach(
        (name, value) -> {
          if (!names.contains(name)) {
            errors.put(name, "validation.payments.key-unknown");
          } else if (value != null && value.strip().length() > MAX_KEY_LENGTH) {
            errors.put(name, "validation.payments.key-too-long");
          }
        });
    for (String name : clear) {
      if (!names.contains(name)) {
        errors.put(name, "validation.payments.key-unknown");
      }
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    for (String name : names) {
      String value = values.get(name);
      if (value != null && !value.isBlank()) {
        keys.put(gatewayId, name, value);
      } else if (clear.contains(name)) {
        keys.remove(gatewayId, name);
      }
    }
  }

  @Override
  @Transactional
  public void saveSandboxFaults(SandboxFaultsForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    Integer copies =
        optionalInteger(form.copies(), 1, 100, "copies", "validation.sandbox.copies", errors);
    if (copies == null && !errors.containsKey("copies")) {
      errors.put("copies", "validation.sandbox.copies");
    }
    Integer delay =
        optionalInteger(
            form.delaySeconds(), 0, 86_400, "delaySeconds", "validation.sandbox.delay", errors);
    if (delay == null && !errors.containsKey("delaySeconds")) {
      errors.put("delaySeconds", "validation.sandbox.delay");
    }
    if (!errors.isEmpty()) {
      throw DomainException.invalid(errors);
    }
    faults.set(
        new SandboxFaults.Faults(
            copies, delay, Boolean.TRUE.equals(form.reorder()), Boolean.TRUE.equals(form.drop())));
  }

  @Override
  @Transactional(readOnly = true)
  public KeysetPage<SandboxDeliveryView> sandboxDeliveries(String after, int size) {
    int limit = Math.max(1, Math.min(size, 100));
    Optional<Cursor> cursor = Cursor.decode(after);
    String keyset =
        cursor.isEmpty() ? "" : " WHERE (created_at < :at OR (created_at = :at AND id < :after))";
    var spec =
        jdbc.sql(
                "SELECT id, event_id, payload, status, attempts, last_error, next_attempt_at,"
                    + " created_at, delivered_at FROM sandbox_delivery"
                    + keyset
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit")
            .param("limit", limit + 1);
    if (cursor.isPresent()) {
      spec = spec.param("at", ts(cursor.get().at())).param("after", cursor.get().id());
    }
    List<SandboxDeliveryView> rows =
        spec.query(
                (rs, n) ->
                    new SandboxDeliveryView(
                        uuid(rs, "id"),
                        rs.getString("event_id"),
                        eventType(rs.getString("payload")),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        instant(rs, "next_attempt_at"),
                        instant(rs, "created_at"),
                        instant(rs, "delivered_at")))
            .list();
    return KeysetPage.of(rows, limit, d -> new Cursor(d.createdAt(), d.id()));
  }

  private String eventType(String payload) {
    try {
      JsonNode type = json.readTree(payload).get("type");
      return type == null || type.isNull() ? "" : type.asString();
    } catch (RuntimeException unreadable) {
      return "";
    }
  }

  // ---------------------------------------------------------------- field parsing

  private record Discount(Integer percent, Money amount) {}

  private record Scope(String kind, String key) {}

  /** Exactly one of a percentage (1–100) and an amount in the community currency. */
  private Discount discount(String percentRaw, String amountRaw, Map<String, String> errors) {
    boolean hasPercent = percentRaw != null && !percentRaw.isBlank();
    boolean hasAmount = amountRaw != null && !amountRaw.isBlank();
    if (!hasPercent && !hasAmount) {
      errors.put("percentOff", "validation.discount.required");
      return new Discount(null, null);
    }
    if (hasPercent && hasAmount) {
      // still say what is wrong with each one
      optionalInteger(percentRaw, 1, 100, "percentOff", "validation.discount.percent", errors);
      amount(amountRaw, "amountOff", "validation.discount.amount", errors);
      errors.put("amountOff", "validation.discount.both");
      return new Discount(null, null);
    }
    if (hasPercent) {
      Integer percent =
          optionalInteger(percentRaw, 1, 100, "percentOff", "validation.discount.percent", errors);
      return new Discount(percent, null);
    }
    return new Discount(null, amount(amountRaw, "amountOff", "validation.discount.amount", errors));
  }

  /** Everything (no kind), a kind on sale, or one item of it and its variants. */
  private Scope scope(String kindRaw, String keyRaw, Map<String, String> errors) {
    String kind = kindRaw == null ? "" : kindRaw.strip();
    String key = keyRaw == null ? "" : keyRaw.strip();
    if (kind.isEmpty()) {
      if (!key.isEmpty()) {
        errors.put("scopeKey", "validation.scope.key-without-kind");
      }
      return new Scope(null, null);
    }
    if (!catalogs.kinds().contains(kind)) {
      errors.put("scopeKind", "validation.scope.kind");
    }
    if (!key.isEmpty() && !SCOPE_KEY.matcher(key).matches()) {
      errors.put("scopeKey", "validation.scope.key");
    }
    return new Scope(kind, key.isEmpty() ? null : key);
  }

  /** A positive amount of yuan with at most two decimals; null (and an error) otherwise. */
  private Money amount(String raw, String field, String message, Map<String, String> errors) {
    try {
      BigDecimal major = new BigDecimal(raw == null ? "" : raw.strip());
      int digits = currency.getDefaultFractionDigits();
      if (major.signum() <= 0 || major.compareTo(MAX_AMOUNT) > 0 || major.scale() > digits) {
        errors.put(field, message);
        return null;
      }
      return new Money(major.movePointRight(digits).longValueExact(), currency);
    } catch (NumberFormatException | ArithmeticException e) {
      errors.put(field, message);
      return null;
    }
  }

  /** A whole number in range, null when blank; an error for anything else. */
  private static Integer optionalInteger(
      String raw, int min, int max, String field, String message, Map<String, String> errors) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    errors.put(field, message);
    return null;
  }

  /**
   * An instant as ISO-8601 with an offset ({@code 2027-01-31T09:00:00Z}), or a local date-time or
   * date in the owner's zone ({@code 2027-01-31T09:00}, {@code 2027-01-31}).
   */
  static Instant instantField(
      String raw, String field, ZoneId zone, boolean required, Map<String, String> errors) {
    String text = raw == null ? "" : raw.strip();
    if (text.isEmpty()) {
      if (required) {
        errors.put(field, "validation.window.required");
      }
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      // try the local forms
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeParseException notLocal) {
      // try a date
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException notDate) {
      errors.put(field, "validation.window.invalid");
      return null;
    }
  }

  private static void window(Instant starts, Instant ends, Map<String, String> errors) {
    if (starts != null && ends != null && !ends.isAfter(starts)) {
      errors.putIfAbsent("endsAt", "validation.window.order");
    }
  }
}
