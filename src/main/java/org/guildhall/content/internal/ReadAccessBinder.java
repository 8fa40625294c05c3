package org.guildhall.content.internal;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Indexes who may read an item's body, as {@link ContentRules} states it: {@code access}, {@code
 * minTierRank} and {@code itemKey} ({@code kind/uuid}, what a purchase grants). An article in a
 * column reads by its column's access, so these are the column's, and the declared dependencies
 * make Hibernate Search reindex a column's articles when the column's access changes.
 */
public class ReadAccessBinder implements TypeBinder {

  static final String ACCESS = "access";
  static final String MIN_TIER_RANK = "minTierRank";
  static final String ITEM_KEY = "itemKey";

  @Override
  public void bind(TypeBindingContext context) {
    context
        .dependencies()
        .use("access")
        .use("minTierRank")
        .use("columnId")
        .use("column.access")
        .use("column.minTierRank");
    var schema = context.indexSchemaElement();
    IndexFieldReference<String> access = schema.field(ACCESS, f -> f.asString()).toReference();
    IndexFieldReference<Integer> rank =
        schema.field(MIN_TIER_RANK, f -> f.asInteger()).toReference();
    IndexFieldReference<String> key = schema.field(ITEM_KEY, f -> f.asString()).toReference();
    context.bridge(ContentItem.class, new Bridge(access, rank, key));
  }

  private record Bridge(
      IndexFieldReference<String> access,
      IndexFieldReference<Integer> rank,
      IndexFieldReference<String> key)
      implements TypeBridge<ContentItem> {

    @Override
    public void write(DocumentElement target, ContentItem item, TypeBridgeWriteContext context) {
      ContentItem source = item.readsAs();
      target.addValue(access, source.access().name());
      target.addValue(rank, source.minTierRank());
      target.addValue(key, ContentRules.ref(source.kind(), source.id()).toString());
    }
  }
}
