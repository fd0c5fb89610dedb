package org.planreports.report;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One section of a publication: the compiled template that lays it out, the bookmark it appears
 * under, its parameters and its rows (maps of field name to text, as the templates print them).
 */
public record Section(
    String template, String bookmark, Map<String, Object> params, List<Map<String, Object>> rows)
    implements Serializable {

  public Section {
    params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
    rows = List.copyOf(rows);
  }
}
