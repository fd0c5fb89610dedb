package org.planreports.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.planreports.core.Finding;

/**
 * Rules across rows: the same (region, year, item) twice is an error unless both values are equal,
 * in which case the repeat is dropped with a warning.
 */
public final class CrossRowRules {

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
      String where = earlier.file() + " 第" + earlier.line() + "行";
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
                "与" + where + "重复（数值相同），已忽略本行",
                "每个地区、年份、统计项只填一行"));
      } else {
        findings.add(
            Finding.error(
                "E_CONFLICT",
                v.file(),
                v.line(),
                "value",
                v.raw(),
                v.region()
                    + " "
                    + v.year()
                    + "年 "
                    + v.item()
                    + " 与"
                    + where
                    + "的数值“"
                    + Objects.toString(earlier.raw(), "")
                    + "”冲突",
                "同一地区、年份、统计项只有一个数值"));
      }
    }
    return new Result(List.copyOf(first.values()), findings);
  }
}
