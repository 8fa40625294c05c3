package org.guildhall.content.internal;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Registers {@link ContentAnalyzer#NAME} with whichever search backend runs (one class for both, so
 * {@code hibernate.search.backend.analysis.configurer} need not change with the backend): the
 * Lucene analyzer itself for the embedded index, or the same chain of Elasticsearch/OpenSearch
 * components (their {@code analysis-smartcn} plugin must be installed on the cluster).
 */
public final class ContentSearchAnalysis
    implements LuceneAnalysisConfigurer, ElasticsearchAnalysisConfigurer {

  /** The embedded Lucene backend. */
  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context.analyzer(ContentAnalyzer.NAME).instance(new ContentAnalyzer());
  }

  /** An Elasticsearch or OpenSearch cluster with the {@code analysis-smartcn} plugin. */
  @Override
  public void configure(ElasticsearchAnalysisConfigurationContext context) {
    context.tokenFilter("guildhall_smartcn_stop").type("smartcn_stop");
    context.tokenFilter("guildhall_english_stop").type("stop").param("stopwords", "_english_");
    context
        .analyzer(ContentAnalyzer.NAME)
        .custom()
        .tokenizer("smartcn_tokenizer")
        .tokenFilters(
            "lowercase", "guildhall_smartcn_stop", "guildhall_english_stop", "porter_stem");
  }
}
