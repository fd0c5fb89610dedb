package org.planreports.plan;

import java.util.Objects;

/** The plan's identity and period, as printed on its cover. */
public record PlanMeta(
    String id,
    String title,
    String document,
    String version,
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
