package org.planreports.ingest;

import java.util.List;
import java.util.Map;
import org.planreports.validation.Finding;

/**
 * One record of an extract as read, cells keyed by canonical column name, with the problems found
 * while reading it. A row without cells carries file-level problems only (bad encoding, missing
 * columns, unreadable file).
 */
public record RawRow(String file, long line, Map<String, String> cells, List<Finding> problems) {

  public RawRow {
    cells = cells == null ? Map.of() : Map.copyOf(cells);
    problems = List.copyOf(problems);
  }

  public String cell(String column) {
    return cells.getOrDefault(column, "");
  }

  public boolean hasCells() {
    return !cells.isEmpty();
  }
}
