package org.guildhall.content.internal;

import org.guildhall.platform.text.Markdown;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;

/**
 * Indexes Markdown as the plain text a reader sees (no markup, no raw HTML, no {@code <!--more-->}
 * marker), so words match and snippets quote the text rather than its syntax.
 */
public class MarkdownTextBridge implements ValueBridge<String, String> {

  private static final Markdown MARKDOWN = new Markdown();

  @Override
  public String toIndexedValue(String markdown, ValueBridgeToIndexedValueContext context) {
    if (markdown == null || markdown.isBlank()) {
      return null;
    }
    return MARKDOWN.excerpt(markdown, Integer.MAX_VALUE);
  }
}
