package org.planreports.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planreports.core.CompanionCsv;
import org.planreports.core.CompanionCsv.Cell;
import org.planreports.core.Messages;

/**
 * What a review copy would change against the latest edition, figure by figure (old → new, as the
 * correction notice compares the companion CSVs, {@link CorrectionNotice#compare}), or that it is a
 * new publication, or that nothing of it changed. Written beside the review copy as {@value
 * ReviewLayout#CHANGES} for Excel (UTF-8 with BOM, formula-safe cells) and shown on the terminal.
 *
 * @param publication the publication folder name (2023-midterm)
 * @param kind what publishing it would do
 * @param latest the latest edition's number (0: none)
 * @param changes the printed figures that changed (for {@link Kind#CHANGED})
 * @param tableRefs the publication's own table numbers ({@code PublicationContent#tableRefs})
 */
public record ChangeList(
    String publication,
    Kind kind,
    int latest,
    List<CorrectionNotice.Change> changes,
    Map<String, String> tableRefs) {

  private static final Messages WORDS = Messages.bundle("review");

  /** What publishing the review copy would do. */
  public enum Kind {
    /** No edition yet: edition 1. */
    NEW,
    /** Its own figures are the latest edition's: nothing is published. */
    UNCHANGED,
    /** Figures differ: edition N+1 with a correction notice, which needs {@code --reason}. */
    CHANGED;

    /** The word kept in {@value ReviewLayout#RECORD}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ChangeList {
    changes = List.copyOf(changes);
    tableRefs = Map.copyOf(tableRefs);
  }

  /** The edition publishing it would create, or the latest one when it is unchanged. */
  public int edition() {
    return kind == Kind.UNCHANGED ? latest : latest + 1;
  }

  /** The lines for the terminal: one heading, then each changed figure. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    switch (kind) {
      case NEW -> lines.add(WORDS.get("review.changes.new", "publication", publication));
      case UNCHANGED ->
          lines.add(
              WORDS.get("review.changes.unchanged", "publication", publication, "edition", latest));
      case CHANGED -> {
        lines.add(
            changes.isEmpty()
                ? WORDS.get(
                    "review.changes.other",
                    "publication",
                    publication,
                    "edition",
                    latest,
                    "next",
                    latest + 1)
                : WORDS.get(
                    "review.changes.changed",
                    "publication",
                    publication,
                    "edition",
                    latest,
                    "count",
                    changes.size(),
                    "next",
                    latest + 1));
        changes.forEach(c -> lines.add("  " + c.line(tableRefs)));
      }
    }
    return lines;
  }

  /**
   * The change list as a CSV: one row per changed figure, or one row saying what publishing does.
   */
  public byte[] csv() {
    List<List<Cell>> rows = new ArrayList<>();
    String status = WORDS.get("review.changes.status." + kind.id());
    if (kind == Kind.CHANGED && !changes.isEmpty()) {
      for (CorrectionNotice.Change c : changes) {
        rows.add(
            List.of(
                Cell.text(publication),
                Cell.text(status),
                Cell.number(String.valueOf(latest)),
                Cell.text(tableRefs.getOrDefault(c.table(), c.table())),
                Cell.number(c.seq()),
                Cell.text(c.indicator()),
                Cell.text(CorrectionNotice.label(c.column())),
                value(c.oldValue()),
                value(c.newValue())));
      }
    } else {
      rows.add(
          List.of(
              Cell.text(publication),
              Cell.text(status),
              Cell.number(String.valueOf(latest)),
              Cell.text(""),
              Cell.number(""),
              Cell.text(""),
              Cell.text(""),
              Cell.text(""),
              Cell.text("")));
    }
    return CompanionCsv.write(
        List.of(
            "publication",
            "status",
            "latest_edition",
            "table",
            "seq",
            "indicator",
            "column",
            "old",
            "new"),
        rows);
  }

  private static Cell value(String v) {
    return v.matches("-?\\d+(\\.\\d+)?") ? Cell.number(v) : Cell.text(v);
  }
}
