package org.guildhall.integration.internal;

import static org.guildhall.platform.jdbc.Sql.instant;
import static org.guildhall.platform.jdbc.Sql.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guildhall.integration.WebhookEvent;
import org.guildhall.integration.WebhooksApi.EndpointView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_endpoint} table. The signing secret is stored sealed and read separately. */
@Repository
class WebhookEndpoints {

  /** The endpoint and the status and time of its latest delivery, in one statement. */
  private static final String SELECT =
      "SELECT e.id, e.url, e.description, e.events, e.enabled, e.created_at,"
          + " (SELECT d.status FROM webhook_delivery d WHERE d.endpoint_id = e.id"
          + "   ORDER BY d.created_at DESC, d.id DESC LIMIT 1) AS last_status,"
          + " (SELECT MAX(d.created_at) FROM webhook_delivery d WHERE d.endpoint_id = e.id)"
          + "   AS last_at"
          + " FROM webhook_endpoint e";

  private final JdbcClient jdbc;

  WebhookEndpoints(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(
      UUID id,
      String url,
      String description,
      Set<WebhookEvent> events,
      boolean enabled,
      String sealedSecret,
      Instant now) {
    jdbc.sql(
            "INSERT INTO webhook_endpoint (id, url, description, events, secret, enabled,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, url, description, encode(events), sealedSecret, enabled, ts(now), ts(now))
        .update();
  }

  boolean update(
      UUID id,
      String url,
      String description,
      Set<WebhookEvent> events,
      boolean enabled,
      Instant now) {
    return jdbc.sql(
                "UPDATE webhook_endpoint SET url = ?, description = ?, events = ?, enabled = ?,"
                    + " updated_at = ? WHERE id = ?")
            .params(url, description, encode(events), enabled, ts(now), id)
            .update()
        == 1;
  }

  boolean updateSecret(UUID id, String sealedSecret, Instant now) {
    return jdbc.sql("UPDATE webhook_endpoint SET secret = ?, updated_at = ? WHERE id = ?")
            .params(sealedSecret, ts(now), id)
            .update()
        == 1;
  }

  boolean delete(UUID id) {
    return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update() == 1;
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM webhook_endpoint").query(Long.class).single();
  }

  List<EndpointView> all() {
    return jdbc.sql(SELECT + " ORDER BY e.created_at, e.id").query(WebhookEndpoints::view).list();
  }

  Optional<EndpointView> find(UUID id) {
    return jdbc.sql(SELECT + " WHERE e.id = ?").param(id).query(WebhookEndpoints::view).optional();
  }

  Optional<String> sealedSecret(UUID id) {
    return jdbc.sql("SELECT secret FROM webhook_endpoint WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  /** The ids of the endpoints that are on and subscribe to {@code event}. */
  List<UUID> subscribers(WebhookEvent event) {
    return jdbc
        .sql("SELECT id, events FROM webhook_endpoint WHERE enabled = TRUE")
        .query((rs, n) -> decode(rs.getString("events")).contains(event) ? uuid(rs) : null)
        .list()
        .stream()
        .filter(id -> id != null)
        .toList();
  }

  /**
   * What the dispatcher needs to post: the address and the sealed secret, if the endpoint is on.
   */
  Optional<Target> target(UUID endpointId) {
    return jdbc.sql("SELECT url, secret, enabled FROM webhook_endpoint WHERE id = ?")
        .param(endpointId)
        .query(
            (rs, n) ->
                new Target(rs.getString("url"), rs.getString("secret"), rs.getBoolean("enabled")))
        .optional();
  }

  record Target(String url, String sealedSecret, boolean enabled) {}

  static String encode(Collection<WebhookEvent> events) {
    return events.stream().sorted().map(WebhookEvent::type).collect(Collectors.joining(","));
  }

  static Set<WebhookEvent> decode(String events) {
    Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
    Arrays.stream(events.split(","))
        .map(String::strip)
        .map(WebhookEvent::ofType)
        .flatMap(Optional::stream)
        .forEach(set::add);
    return set;
  }

  private static UUID uuid(ResultSet rs) throws SQLException {
    return rs.getObject("id", UUID.class);
  }

  private static EndpointView view(ResultSet rs, int n) throws SQLException {
    return new EndpointView(
        uuid(rs),
        rs.getString("url"),
        rs.getString("description"),
        decode(rs.getString("events")),
        rs.getBoolean("enabled"),
        instant(rs, "created_at"),
        rs.getString("last_status"),
        instant(rs, "last_at"));
  }
}
