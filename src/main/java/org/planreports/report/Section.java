package org.planreports.report;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One section of a publication: the compiled template that lays it out, the bookmark it appears
 * under, its parameters and its rows (maps of field name to value, as the templates print them).
 */
public record Section(
    String template, String bookmark, Map<String, Object> params, List<Map<String, Object>> rows)
    implements Serializable {

  /** The section heading a template prints above its content (“二、…”), also its bookmark. */
  public static final String HEADING = "HEADING";

  public Section {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    rows = List.copyOf(rows);
  }

  /** This section under a numbered heading, bookmarked by it. */
  public Section withHeading(String heading) {
    Map<String, Object> p = new LinkedHashMap<>(params);
    p.put(HEADING, heading);
    return new Section(template, heading, p, rows);
  }
}
