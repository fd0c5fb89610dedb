package org.planreports.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.planreports.core.Finding;
import org.planreports.core.Messages;

/**
 * Rules across rows: the same (region, year, item) twice is an error unless both values are equal,
 * in which case the repeat is dropped with a warning.
 */
public final class CrossRowRules {

  private static final Messages WORDS = Messages.bundle("input");

  /** The rows to keep and what was found. */
  public record Result(List<StagedValue> values, List<Finding> findings) {}

  private CrossRowRules() {}

  public static Result check(List<StagedValue> rows) {
    Map<String, StagedValue> first = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();
    for (StagedValue v : rows) {
      String key = v.region() + "|" + v.year() + "|" + v.item();
      StagedValue earlier = first.putIfAbsent(key, v);
      if (earlier == null) {
        continue;
      }
      String where =
          WORDS.get("input.duplicate.where", "file", earlier.file(), "line", earlier.line());
      boolean equal =
          earlier.value() == null
              ? v.value() == null
              : v.value() != null && earlier.value().compareTo(v.value()) == 0;
      if (equal) {
        findings.add(
            Finding.warning(
                "W_DUPLICATE",
                v.file(),
                v.line(),
                "value",
                v.raw(),
                WORDS.get("input.duplicate", "where", where),
                WORDS.format("input.duplicate.expected")));
      } else {
        findings.add(
            Finding.error(
                "E_CONFLICT",
                v.file(),
                v.line(),
                "value",
                v.raw(),
                WORDS.get(
                    "input.conflict",
                    "region",
                    v.region(),
                    "year",
                    v.year(),
                    "item",
                    v.item(),
                    "where",
                    where,
                    "raw",
                    Objects.toString(earlier.raw(), "")),
                WORDS.format("input.conflict.expected")));
      }
    }
    return new Result(List.copyOf(first.values()), findings);
  }
}
