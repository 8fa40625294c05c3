package org.guildhall.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.guildhall.content.StudioDiff.Line;
import org.guildhall.content.StudioDiff.Type;
import org.junit.jupiter.api.Test;

class StudioRevisionDiffTests {

  static String text(List<Line> lines) {
    return lines.stream()
        .map(
            l ->
                switch (l.type()) {
                  case SAME -> " " + l.text();
                  case REMOVED -> "-" + l.text();
                  case ADDED -> "+" + l.text();
                  case FOLDED -> "…" + l.folded();
                })
        .collect(Collectors.joining("\n"));
  }

  @Test
  void showsRemovedAndAddedLinesWithTheirNumbers() {
    List<Line> lines = RevisionDiff.lines("a\nb\nc\n", "a\nB\nc\nd");
    assertThat(text(lines)).isEqualTo(" a\n-b\n+B\n c\n+d");
    assertThat(lines.get(1)).isEqualTo(new Line(Type.REMOVED, 2, null, "b", 0));
    assertThat(lines.get(2)).isEqualTo(new Line(Type.ADDED, null, 2, "B", 0));
    assertThat(lines.get(4)).isEqualTo(new Line(Type.ADDED, null, 4, "d", 0));
  }

  @Test
  void foldsLongUnchangedRunsAroundTheChanges() {
    String before =
        IntStream.rangeClosed(1, 30).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
    String after = before.replace("line 15", "line fifteen");
    List<Line> lines = RevisionDiff.lines(before, after);
    assertThat(text(lines))
        .isEqualTo(
            "…11\n line 12\n line 13\n line 14\n-line 15\n+line fifteen\n line 16\n line 17\n"
                + " line 18\n…12");
  }

  @Test
  void emptyTextsAndWindowsLineEndings() {
    assertThat(RevisionDiff.lines("", "")).isEmpty();
    assertThat(text(RevisionDiff.lines("", "new"))).isEqualTo("+new");
    assertThat(text(RevisionDiff.lines("x\r\ny", "x\ny"))).isEqualTo(" x\n y");
  }
}
