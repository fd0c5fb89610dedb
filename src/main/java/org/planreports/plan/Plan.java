package org.planreports.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan catalogue: its identity, the item dictionary extracts may use, its indicators and the
 * rows of its tables. Loaded from data by {@link PlanLoader}; no plan fact lives in code.
 */
public record Plan(
    PlanMeta meta,
    Map<String, Item> items,
    Map<String, Indicator> indicators,
    List<CatalogueRow> rows,
    String digest) {

  public Plan {
    items = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(items));
    indicators = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indicators));
    rows = List.copyOf(rows);
  }

  public List<CatalogueRow> rows(String table) {
    return rows.stream().filter(r -> r.table().equals(table)).toList();
  }

  /** The tables in catalogue order. */
  public List<String> tables() {
    return rows.stream().map(CatalogueRow::table).distinct().toList();
  }

  public Optional<Item> item(String code) {
    return Optional.ofNullable(items.get(code));
  }
}
