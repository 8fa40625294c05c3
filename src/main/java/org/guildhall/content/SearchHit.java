package org.guildhall.content;

/**
 * One search result, decided for one reader. The {@code *Html} texts are HTML-escaped, with only
 * the words that matched wrapped in {@code <mark>}…{@code </mark>}; templates print them unescaped.
 *
 * @param item the item's card; {@code item.locked()} when the reader may not read its body
 * @param titleHtml the title, matched words marked
 * @param excerptHtml the excerpt, matched words marked (empty when the item has none)
 * @param snippetHtml a passage of the body (or of a course's lesson) around the match — only when
 *     the reader may read the body, otherwise null
 * @param lessonHtml a course's lesson title that matched (lesson titles are public), or null
 */
public record SearchHit(
    ItemCard item, String titleHtml, String excerptHtml, String snippetHtml, String lessonHtml) {

  public boolean hasSnippet() {
    return snippetHtml != null && !snippetHtml.isEmpty();
  }
}
