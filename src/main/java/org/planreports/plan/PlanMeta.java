package org.planreports.plan;

import java.util.Objects;

/** The plan's identity and period, as printed on its cover. */
public record PlanMeta(
    String id,
    String title,
    String document,
    String version,
    String shortTitle,
    String table1Title,
    String table2Title,
    String regionCode,
    String regionName,
    String publisher,
    int previousBaseYear,
    int baseYear,
    int midYear,
    int finalYear) {

  public PlanMeta {
    Objects.requireNonNull(id, "plan.id");
    Objects.requireNonNull(regionCode, "region.code");
    Objects.requireNonNull(shortTitle, "plan.short-title");
    Objects.requireNonNull(table1Title, "table1.title");
    Objects.requireNonNull(table2Title, "table2.title");
    if (!(previousBaseYear < baseYear && baseYear < midYear && midYear < finalYear)) {
      throw new IllegalArgumentException(
          "plan period must satisfy previous-base < base < mid < final: "
              + previousBaseYear
              + ", "
              + baseYear
              + ", "
              + midYear
              + ", "
              + finalYear);
    }
  }
}
