package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The one analyzer for Chinese and English text, as the index and queries use it. */
class SearchAnalyzerTests {

  final Analyzer analyzer = new ContentAnalyzer();

  List<String> tokens(String text) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("title", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    }
    return tokens;
  }

  @Test
  void segmentsChineseIntoWordsTheSameWayInTitlesAndQueries() throws IOException {
    assertThat(tokens("如何打造高粘性知识付费社群")).containsSubsequence("知识", "付费");
    assertThat(tokens("知识付费")).containsExactly("知识", "付费");
  }

  @Test
  void lowercasesStemsAndDropsStopWordsAndPunctuationInEnglish() throws IOException {
    assertThat(tokens("Building Paid Communities, that last!"))
        .containsExactly("build", "paid", "commun", "last");
    assertThat(tokens("community")).isEqualTo(tokens("communities"));
  }

  @Test
  void mixedTextAndFullWidthLetters() throws IOException {
    assertThat(tokens("会员专栏：ＡＢＣ，the Guide。")).containsExactly("会员", "专栏", "abc", "guid");
    assertThat(tokens("Python入门教程")).containsExactly("python", "入门", "教程");
  }
}
