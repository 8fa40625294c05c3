package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.guildhall.content.CatalogFilter;
import org.guildhall.content.ContentApi;
import org.guildhall.content.ContentEvents;
import org.guildhall.content.ContentKind;
import org.guildhall.content.ItemDraft;
import org.guildhall.content.StudioApi;
import org.guildhall.identity.IdentityApi;
import org.guildhall.identity.Role;
import org.guildhall.membership.Reader;
import org.guildhall.platform.DomainException;
import org.guildhall.support.CapturedEvents;
import org.guildhall.support.MutableClock;
import org.guildhall.support.People;
import org.guildhall.support.WebIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Scheduled publishing: the job publishes an item at its time, and not a moment before. */
@WebIntegrationTest
class StudioPublishingIntegrationTests {

  @Autowired PublishJob job;
  @Autowired MutableClock clock;
  @Autowired ContentApi content;
  @Autowired StudioApi studio;
  @Autowired IdentityApi identity;
  @Autowired CapturedEvents events;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  boolean visible(String slug) {
    Reader visitor = content.reader(null);
    try {
      content.page(ContentKind.ARTICLE, slug, visitor, Locale.ENGLISH);
      return true;
    } catch (DomainException e) {
      assertThat(e.status().value()).isEqualTo(404);
      return false;
    }
  }

  boolean listed(UUID id) {
    return content
        .catalog(
            new CatalogFilter(ContentKind.ARTICLE, null, null, null),
            null,
            48,
            content.reader(null))
        .items()
        .stream()
        .anyMatch(c -> c.id().equals(id));
  }

  String status(UUID id) {
    return jdbc.sql("SELECT status FROM content_item WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  long published(UUID id) {
    return events.all(ContentEvents.ItemPublished.class).stream()
        .filter(e -> e.itemId().equals(id))
        .count();
  }

  @Test
  void aScheduledItemBecomesVisibleAtItsTimeAndStaysInvisibleBefore() {
    UUID expert = People.provision(identity, "ex", Role.EXPERT).id();
    UUID owner = People.provision(identity, "ow", Role.OWNER).id();
    UUID id =
        content.create(
            ContentKind.ARTICLE,
            ItemDraft.of("Scheduled " + UUID.randomUUID(), "en", "Out soon."),
            expert);
    content.submit(id, expert);
    Instant at = clock.instant().plus(Duration.ofHours(2));
    studio.approve(id, at, owner);
    String slug =
        jdbc.sql("SELECT slug FROM content_item WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();

    assertThat(status(id)).isEqualTo("SCHEDULED");
    job.publishDue();
    assertThat(status(id)).isEqualTo("SCHEDULED");
    assertThat(visible(slug)).isFalse();
    assertThat(listed(id)).isFalse();

    clock.advance(Duration.ofHours(2).minusSeconds(1));
    job.publishDue();
    assertThat(status(id)).isEqualTo("SCHEDULED");
    assertThat(visible(slug)).isFalse();
    assertThat(listed(id)).isFalse();
    assertThat(published(id)).isZero();

    clock.advance(Duration.ofSeconds(1));
    job.publishDue();
    assertThat(status(id)).isEqualTo("PUBLISHED");
    assertThat(visible(slug)).isTrue();
    assertThat(listed(id)).isTrue();
    assertThat(published(id)).isOne();
    assertThat(
            events.all(ContentEvents.ItemPublished.class).stream()
                .filter(e -> e.itemId().equals(id))
                .findFirst()
                .orElseThrow()
                .at())
        .isEqualTo(at);

    // the job runs again: published once
    clock.advance(Duration.ofMinutes(1));
    job.publishDue();
    assertThat(published(id)).isOne();
  }
}
