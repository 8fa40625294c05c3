package org.guildhall.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Installation-wide values kept in the database so that every instance agrees on them, e.g. a
 * secret generated at first start when none is configured.
 */
@Component
public class InstallationSettings {

  private static final SecureRandom RANDOM = new SecureRandom();
  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;

  InstallationSettings(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<String> get(String key) {
    return jdbc.sql("SELECT setting_value FROM installation_setting WHERE setting_key = ?")
        .param(key)
        .query(String.class)
        .optional();
  }

  /**
   * Returns the secret stored under {@code key}, creating a random 256-bit one the first time — in
   * a transaction of its own, so that a first use inside a read-only page (or a caller's
   * transaction that a lost race would otherwise spoil) still works.
   */
  public String secret(String key) {
    return get(key).orElseGet(() -> ownTransaction.execute(status -> create(key)));
  }

  private String create(String key) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    // another instance may create it at the same moment: the first one stays
    jdbc.sql(
            "INSERT INTO installation_setting (setting_key, setting_value, updated_at)"
                + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
        .params(key, value, java.sql.Timestamp.from(clock.instant()))
        .update();
    return get(key).orElseThrow();
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
