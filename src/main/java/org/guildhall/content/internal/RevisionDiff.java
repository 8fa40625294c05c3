package org.guildhall.content.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.guildhall.content.StudioDiff.Line;
import org.guildhall.content.StudioDiff.Type;

/**
 * A line-based diff (java-diff-utils, Myers) of two Markdown texts, as rows of a unified table:
 * unchanged, removed, added; long unchanged runs are folded to a few lines of context around each
 * change. The text stays plain: pages escape it.
 */
final class RevisionDiff {

  static final int CONTEXT = 3;

  private RevisionDiff() {}

  static List<Line> lines(String oldText, String newText) {
    List<String> a = split(oldText);
    List<String> b = split(newText);
    List<Line> all = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
      int at = delta.getSource().getPosition();
      while (i < at) {
        all.add(new Line(Type.SAME, i + 1, j + 1, a.get(i), 0));
        i++;
        j++;
      }
      for (String line : delta.getSource().getLines()) {
        all.add(new Line(Type.REMOVED, ++i, null, line, 0));
      }
      for (String line : delta.getTarget().getLines()) {
        all.add(new Line(Type.ADDED, null, ++j, line, 0));
      }
    }
    while (i < a.size()) {
      all.add(new Line(Type.SAME, i + 1, j + 1, a.get(i), 0));
      i++;
      j++;
    }
    return fold(all);
  }

  /** Keeps {@link #CONTEXT} unchanged lines around each change and folds longer runs. */
  static List<Line> fold(List<Line> all) {
    boolean[] keep = new boolean[all.size()];
    for (int k = 0; k < all.size(); k++) {
      if (all.get(k).type() != Type.SAME) {
        for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
          keep[c] = true;
        }
      }
    }
    List<Line> out = new ArrayList<>();
    int k = 0;
    while (k < all.size()) {
      if (keep[k]) {
        out.add(all.get(k++));
        continue;
      }
      int start = k;
      while (k < all.size() && !keep[k]) {
        k++;
      }
      if (k - start <= 2) {
        out.addAll(all.subList(start, k));
      } else {
        out.add(new Line(Type.FOLDED, null, null, null, k - start));
      }
    }
    return out;
  }

  static List<String> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String normal = text.replace("\r\n", "\n");
    if (normal.endsWith("\n")) {
      normal = normal.substring(0, normal.length() - 1);
    }
    return Arrays.asList(normal.split("\n", -1));
  }
}
