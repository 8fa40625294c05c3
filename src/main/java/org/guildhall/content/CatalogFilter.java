package org.guildhall.content;

/**
 * What a catalog page lists: every kind or one, in a category, with a tag, in a language (each null
 * for "any").
 */
public record CatalogFilter(ContentKind kind, String category, String tag, String lang) {

  public static final CatalogFilter ALL = new CatalogFilter(null, null, null, null);
}
