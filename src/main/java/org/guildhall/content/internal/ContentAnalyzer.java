package org.guildhall.content.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * The analyzer of every full-text field of the content index, for Chinese and English mixed in one
 * text: smartcn's {@link HMMChineseTokenizer} splits Chinese into words with its hidden Markov
 * model and Latin text into words (folding full-width letters); then lower case, smartcn's
 * punctuation stop set and the English stop words are dropped, and English words are stemmed
 * (Porter), so "communities" finds "community". Chinese words pass the stemmer unchanged. The same
 * analyzer runs on the query, so 知识付费 becomes 知识 + 付费 on both sides.
 */
public final class ContentAnalyzer extends Analyzer {

  /** The name the mapping and the analysis configurers know it by. */
  public static final String NAME = "guildhall_text";

  private static final CharArraySet STOP_WORDS = stopWords();

  private static CharArraySet stopWords() {
    CharArraySet words = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
    words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(words);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new HMMChineseTokenizer();
    TokenStream stream = new LowerCaseFilter(tokenizer);
    stream = new StopFilter(stream, STOP_WORDS);
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(tokenizer, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
