package org.planreports.ingest;

import java.util.List;
import java.util.Map;
import org.planreports.core.Finding;

/**
 * One record of an extract as read, cells keyed by canonical column name, with the problems found
 * while reading it. A row without cells carries file-level problems only (bad encoding, missing
 * columns, unreadable file). {@code unitColumnMissing} is the header's finding when the file has no
 * unit column: an error only for a row whose item has a unit (a unitless index needs none). {@code
 * refs} is where each column's cell is in a workbook ({@code Sheet1!D}); empty for a CSV file.
 */
public record RawRow(
    String file,
    long line,
    Map<String, String> cells,
    List<Finding> problems,
    Finding unitColumnMissing,
    Map<String, String> refs) {

  public RawRow {
    cells = cells == null ? Map.of() : Map.copyOf(cells);
    problems = List.copyOf(problems);
    refs = refs == null ? Map.of() : Map.copyOf(refs);
  }

  public RawRow(
      String file,
      long line,
      Map<String, String> cells,
      List<Finding> problems,
      Finding unitColumnMissing) {
    this(file, line, cells, problems, unitColumnMissing, null);
  }

  public RawRow(String file, long line, Map<String, String> cells, List<Finding> problems) {
    this(file, line, cells, problems, null);
  }

  public String cell(String column) {
    return cells.getOrDefault(column, "");
  }

  /**
   * Where a finding about {@code column} points: the workbook cell's column ({@code Sheet1!D}), or
   * the column's name in a CSV file.
   */
  public String where(String column) {
    return refs.getOrDefault(column, column);
  }

  /** The finding with its column as {@link #where}, when it is about this row. */
  public Finding located(Finding f) {
    if (refs.isEmpty()
        || f.line() != line
        || !f.file().equals(file)
        || !refs.containsKey(f.column())) {
      return f;
    }
    return new Finding(
        f.severity(),
        f.code(),
        f.file(),
        f.line(),
        where(f.column()),
        f.text(),
        f.message(),
        f.expected());
  }

  public boolean hasCells() {
    return !cells.isEmpty();
  }
}
