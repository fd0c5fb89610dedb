package org.planreports.ingest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.planreports.core.Messages;

/** The extract's columns, their Chinese header aliases, and which are required. */
public final class Columns {

  public static final String REGION = "region_code";
  public static final String YEAR = "year";
  public static final String ITEM = "item_code";
  public static final String VALUE = "value";
  public static final String UNIT = "unit";
  public static final String SOURCE = "source";
  public static final String STATUS = "status";
  public static final String NOTE = "note";

  public static final List<String> REQUIRED = List.of(REGION, YEAR, ITEM, VALUE, UNIT);
  public static final List<String> ALL =
      List.of(REGION, YEAR, ITEM, VALUE, UNIT, SOURCE, STATUS, NOTE);

  /**
   * Chinese header of each column, as in the template the tool writes (keys {@code input.column.*}
   * of {@code messages/input.properties}).
   */
  public static final Map<String, String> CHINESE =
      ALL.stream()
          .collect(
              Collectors.toUnmodifiableMap(
                  c -> c, c -> Messages.bundle("input").format("input.column." + c)));

  private Columns() {}

  /** The canonical name of a header cell, or null for an unknown column. */
  public static String canonical(String header) {
    String h = header.strip().replace("\uFEFF", "");
    for (String c : ALL) {
      if (c.equalsIgnoreCase(h) || CHINESE.get(c).equals(h)) {
        return c;
      }
    }
    return null;
  }

  /**
   * Characters of each cell, by column, after surrounding spaces are stripped (checked before
   * anything reaches the state database, whose staging columns are made to fit them).
   */
  public static final Map<String, Integer> MAX_LENGTH =
      Map.of(
          REGION, 20,
          YEAR, 20,
          ITEM, 64,
          VALUE, 40,
          UNIT, 20,
          SOURCE, 200,
          STATUS, 20,
          NOTE, 1000);
}
