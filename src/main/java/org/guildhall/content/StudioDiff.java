package org.guildhall.content;

import java.util.List;

/**
 * A revision's text against the current text, line by line: what the revision had that is gone now
 * is {@code REMOVED}, what is new since is {@code ADDED}.
 */
public record StudioDiff(
    StudioRevision revision,
    String oldTitle,
    String newTitle,
    List<Line> lines,
    int currentNumber) {

  public StudioDiff {
    lines = List.copyOf(lines);
  }

  public boolean titleChanged() {
    return !oldTitle.equals(newTitle);
  }

  public boolean identical() {
    return !titleChanged() && added() == 0 && removed() == 0;
  }

  public long added() {
    return lines.stream().filter(l -> l.type() == Type.ADDED).count();
  }

  public long removed() {
    return lines.stream().filter(l -> l.type() == Type.REMOVED).count();
  }

  public enum Type {
    SAME,
    REMOVED,
    ADDED,
    /** A run of unchanged lines left out; {@code folded} says how many. */
    FOLDED
  }

  /**
   * @param oldNumber its line number in the revision (null for an added line)
   * @param newNumber its line number in the current text (null for a removed line)
   */
  public record Line(Type type, Integer oldNumber, Integer newNumber, String text, int folded) {}
}
