package org.planreports.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan catalogue: its identity, the item dictionary extracts may use, its indicators, the rows
 * of its tables, how the publications print each table and the thematic bulletins it declares.
 * Loaded from data by {@link PlanLoader}; no plan fact lives in code.
 */
public record Plan(
    PlanMeta meta,
    Map<String, Item> items,
    Map<String, Indicator> indicators,
    List<CatalogueRow> rows,
    List<TableSpec> tables,
    List<Bulletin> bulletins,
    String digest,
    CommentaryPlacement commentary) {

  public Plan {
    commentary = commentary == null ? CommentaryPlacement.DEFAULT : commentary;
    items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
    indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
    rows = List.copyOf(rows);
    tables = List.copyOf(tables);
    bulletins = List.copyOf(bulletins);
  }

  /** A plan with the default placement of the office's commentary. */
  public Plan(
      PlanMeta meta,
      Map<String, Item> items,
      Map<String, Indicator> indicators,
      List<CatalogueRow> rows,
      List<TableSpec> tables,
      List<Bulletin> bulletins,
      String digest) {
    this(meta, items, indicators, rows, tables, bulletins, digest, CommentaryPlacement.DEFAULT);
  }

  public List<CatalogueRow> rows(String table) {
    return rows.stream().filter(r -> r.table().equals(table)).toList();
  }

  public Optional<TableSpec> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Whether a table lists the previous period's results rather than targets. */
  public boolean isHistory(TableSpec table) {
    return rows(table.name()).stream().noneMatch(CatalogueRow::hasTarget);
  }

  public Optional<Bulletin> bulletin(String id) {
    return bulletins.stream().filter(b -> b.id().equals(id)).findFirst();
  }

  public Optional<Item> item(String code) {
    return Optional.ofNullable(items.get(code));
  }
}
