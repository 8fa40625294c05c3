package org.guildhall.content;

import java.util.List;
import java.util.UUID;
import org.guildhall.membership.AccessDecision;

/**
 * One item's page, decided for one reader.
 *
 * @param bodyHtml the sanitised body; only its free preview when {@code decision} refuses
 * @param media the item's own audio or video (audio, video, replay items), null when locked
 * @param column for an article in a column: the column
 * @param articles for a column: its articles, oldest first
 * @param outline for a course: its sections and lessons for this reader
 * @param progress for a course: the reader's enrolment and progress
 */
public record ItemPage(
    ItemCard card,
    ContentStatus status,
    UUID authorId,
    String authorName,
    String authorHandle,
    String categorySlug,
    String categoryName,
    List<TagView> tags,
    String bodyHtml,
    AccessDecision decision,
    MediaLink media,
    ItemCard column,
    List<ItemCard> articles,
    CourseOutline outline,
    LearnerProgress.CourseProgress progress) {

  public ItemPage {
    tags = List.copyOf(tags);
    articles = List.copyOf(articles);
  }

  public boolean locked() {
    return !decision.allowed();
  }

  /** A tag as pages link it. */
  public record TagView(String slug, String name) {}
}
