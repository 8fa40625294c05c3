package org.guildhall.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An installation secret is created on first use even when that use happens inside a read-only
 * transaction (a page signing its first media link), and every later use gets the same one.
 */
@WebIntegrationTest
class InstallationSettingsTests {

  @Autowired InstallationSettings settings;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aSecretIsCreatedOnceEvenFromAReadOnlyTransaction() {
    String key = "test.secret." + UUID.randomUUID();
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    String first = readOnly.execute(status -> settings.secret(key));
    assertThat(first).hasSize(43);
    assertThat(settings.secret(key)).isEqualTo(first);
    String again = readOnly.execute(status -> settings.secret(key));
    assertThat(again).isEqualTo(first);
  }
}
