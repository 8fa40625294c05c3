package org.guildhall.content;

/**
 * Sanitised HTML of Markdown as readers will see it: the free preview (above a {@code <!--more-->}
 * line) and the rest. Without the marker, readers without access see the first two paragraphs.
 */
public record StudioPreview(String previewHtml, String restHtml, boolean marked) {}
