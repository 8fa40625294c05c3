package org.guildhall.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Installation-wide values kept in the database so that every instance agrees on them, e.g. a
 * secret generated at first start when none is configured.
 */
@Component
public class InstallationSettings {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;
  private final Clock clock;

  InstallationSettings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<String> get(String key) {
    return jdbc.sql("SELECT setting_value FROM installation_setting WHERE setting_key = ?")
        .param(key)
        .query(String.class)
        .optional();
  }

  /** Returns the secret stored under {@code key}, creating a random 256-bit one the first time. */
  public String secret(String key) {
    return get(key)
        .orElseGet(
            () -> {
              byte[] bytes = new byte[32];
              RANDOM.nextBytes(bytes);
              String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
              try {
                jdbc.sql(
                        "INSERT INTO installation_setting (setting_key, setting_value, updated_at)"
                            + " VALUES (?, ?, ?)")
                    .params(key, value, java.sql.Timestamp.from(clock.instant()))
                    .update();
                return value;
              } catch (DuplicateKeyException raced) {
                return get(key).orElseThrow();
              }
            });
  }

  /** Stores (or replaces) a value. */
  public void put(String key, String value) {
    java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
    int updated =
        jdbc.sql(
                "UPDATE installation_setting SET setting_value = ?, updated_at = ? WHERE"
                    + " setting_key = ?")
            .params(value, now, key)
            .update();
    if (updated == 0) {
      try {
        jdbc.sql(
                "INSERT INTO installation_setting (setting_key, setting_value, updated_at) VALUES"
                    + " (?, ?, ?)")
            .params(key, value, now)
            .update();
      } catch (DuplicateKeyException raced) {
        put(key, value);
      }
    }
  }

  /** Removes a value, if present. */
  public void remove(String key) {
    jdbc.sql("DELETE FROM installation_setting WHERE setting_key = ?").param(key).update();
  }
}
