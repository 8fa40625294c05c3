package org.guildhall.content;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.guildhall.identity.IdentityApi;
import org.guildhall.membership.MembershipApi;
import org.guildhall.shared.Money;

/** Content and readers for search tests: items with words no other test uses. */
final class SearchFixtures {

  private static final String LETTERS = "bcdfghjkmpqvwxz";

  private SearchFixtures() {}

  /**
   * A made-up word that no other item contains and that analysis keeps as it is (consonants only,
   * so the English stemmer leaves it alone).
   */
  static String word() {
    StringBuilder word = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      word.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
    }
    return word.toString();
  }

  static ItemDraft draft(String title, String excerpt, String body) {
    return draft(title, excerpt, body, ContentAccess.PUBLIC, 0, null);
  }

  static ItemDraft draft(
      String title, String excerpt, String body, ContentAccess access, int rank, UUID columnId) {
    return new ItemDraft(
        title,
        null,
        "en",
        excerpt,
        body,
        null,
        List.of(),
        columnId,
        null,
        null,
        null,
        access,
        rank,
        access == ContentAccess.PURCHASE ? Money.of(1900, "CNY") : null);
  }

  /** Created by {@code author} and published now by {@code owner}. */
  static UUID published(
      ContentApi content, ContentKind kind, ItemDraft draft, UUID author, UUID owner) {
    UUID id = content.create(kind, draft, author);
    content.approve(id, null, owner);
    return id;
  }

  static UUID scheduled(
      ContentApi content, ContentKind kind, ItemDraft draft, UUID owner, Instant at) {
    UUID id = content.create(kind, draft, owner);
    content.approve(id, at, owner);
    return id;
  }

  /** A demo member's id, once the demo's complimentary membership is live (for paying ones). */
  static UUID demo(IdentityApi identity, MembershipApi membership, String email, boolean paying) {
    UUID id = identity.search(email, null, null, 1).items().get(0).id().value();
    if (paying) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> membership.liveMembership(id).isPresent());
    }
    return id;
  }
}
