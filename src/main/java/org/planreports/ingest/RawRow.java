package org.planreports.ingest;

import java.util.List;
import java.util.Map;
import org.planreports.core.Finding;

/**
 * One record of an extract as read, cells keyed by canonical column name, with the problems found
 * while reading it. A row without cells carries file-level problems only (bad encoding, missing
 * columns, unreadable file). {@code unitColumnMissing} is the header's finding when the file has no
 * unit column: an error only for a row whose item has a unit (a unitless index needs none).
 */
public record RawRow(
    String file,
    long line,
    Map<String, String> cells,
    List<Finding> problems,
    Finding unitColumnMissing) {

  public RawRow {
    cells = cells == null ? Map.of() : Map.copyOf(cells);
    problems = List.copyOf(problems);
  }

  public RawRow(String file, long line, Map<String, String> cells, List<Finding> problems) {
    this(file, line, cells, problems, null);
  }

  public String cell(String column) {
    return cells.getOrDefault(column, "");
  }

  public boolean hasCells() {
    return !cells.isEmpty();
  }
}
