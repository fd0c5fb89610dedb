package org.planreports.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.planreports.core.Messages;

/**
 * Where the office's own sections (its commentary, {@code commentary/{publication}.md}) go in a
 * publication: the headings placed before the summary and those placed after the tables, each list
 * in the order the publication prints them. A plan bundle may set them in plan.properties ({@code
 * commentary.before-summary}, {@code commentary.after-tables}); else {@link #DEFAULT}: 前言 before
 * the summary, 主要成效, 存在问题, 下一步工作 after the tables. A heading named in neither list is a section of
 * its own after the known ones, in the order the file gives it.
 */
public record CommentaryPlacement(List<String> beforeSummary, List<String> afterTables)
    implements Serializable {

  private static final Messages WORDS = Messages.bundle("commentary");

  /** Between the headings of a list: commas (ASCII or Chinese), 、 and blanks. */
  static final Pattern SEPARATORS =
      Pattern.compile("[,;\\s" + Pattern.quote(WORDS.get("commentary.separators")) + "]+");

  /** The default placement, from the commentary bundle. */
  public static final CommentaryPlacement DEFAULT =
      new CommentaryPlacement(
          split(WORDS.get("commentary.default.before-summary")),
          split(WORDS.get("commentary.default.after-tables")));

  /** Where a section goes. */
  public enum Slot {
    BEFORE_SUMMARY,
    AFTER_TABLES,
    /** A heading the placement does not name: after the named sections, in file order. */
    OTHER
  }

  public CommentaryPlacement {
    beforeSummary = List.copyOf(beforeSummary);
    afterTables = List.copyOf(afterTables);
  }

  public Slot slot(String heading) {
    if (beforeSummary.contains(heading)) {
      return Slot.BEFORE_SUMMARY;
    }
    return afterTables.contains(heading) ? Slot.AFTER_TABLES : Slot.OTHER;
  }

  /** The position of a named heading within its slot (OTHER: -1). */
  public int order(String heading) {
    int i = beforeSummary.indexOf(heading);
    return i >= 0 ? i : afterTables.indexOf(heading);
  }

  /** The headings of a plan.properties value, in its order; blanks dropped. */
  static List<String> split(String value) {
    List<String> out = new ArrayList<>();
    for (String s : SEPARATORS.split(value.strip())) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /**
   * What is wrong with a placement read from a bundle (a heading named twice, or in both lists), or
   * empty.
   */
  static Optional<String> problem(List<String> before, List<String> after) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String h : before) {
      if (!seen.add(h)) {
        return Optional.of(h);
      }
    }
    for (String h : after) {
      if (!seen.add(h)) {
        return Optional.of(h);
      }
    }
    return Optional.empty();
  }
}
