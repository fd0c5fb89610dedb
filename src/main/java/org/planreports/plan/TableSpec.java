package org.planreports.plan;

import java.util.Objects;
import java.util.Set;

/**
 * How the publications print one of the plan's tables, as the bundle's {@code tables.csv} declares
 * it: the printed title, the short heading of its section, whether it reproduces a table of the
 * plan or gathers targets from the plan's text, whether it has the plan's 年均 column and a chart per
 * row, its companion CSV and the publications (annual, midterm, final or a declared bulletin's id)
 * that carry it. A table whose rows carry no target is a previous-period table (METRICS.md, 表1).
 */
public record TableSpec(
    String name,
    String title,
    String heading,
    Origin origin,
    boolean annualColumn,
    boolean charts,
    String csv,
    Set<String> publications,
    String changeHeader) {

  /** Where a table's rows come from. */
  public enum Origin {
    /** A table printed in the plan, reproduced column for column. */
    PLAN,
    /** Targets gathered from the plan's text: no caption may claim a plan table for them. */
    TEXT
  }

  public TableSpec {
    Objects.requireNonNull(name, "table");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(csv, "csv");
    heading = heading == null || heading.isBlank() ? title : heading;
    publications = Set.copyOf(publications);
  }

  public boolean carriedBy(String publicationId) {
    return publications.contains(publicationId);
  }
}
