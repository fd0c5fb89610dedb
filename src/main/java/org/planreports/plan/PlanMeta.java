package org.planreports.plan;

import java.util.Objects;

/**
 * The plan's identity and period, as printed on its cover. {@code document} (the issuing document's
 * number) and {@code previousBaseYear} (the base year of the previous period's table) are null
 * where the plan has none; {@code version} is empty where the bundle gives none.
 */
public record PlanMeta(
    String id,
    String title,
    String document,
    String version,
    String shortTitle,
    String regionCode,
    String regionName,
    String publisher,
    Integer previousBaseYear,
    int baseYear,
    int midYear,
    int finalYear) {

  public PlanMeta {
    Objects.requireNonNull(id, "plan.id");
    Objects.requireNonNull(title, "plan.title");
    Objects.requireNonNull(regionCode, "region.code");
    Objects.requireNonNull(regionName, "region.name");
    Objects.requireNonNull(shortTitle, "plan.short-title");
    // The manifest names the plan version; a bundle without plan.version has an empty one.
    version = version == null ? "" : version;
    if (!(baseYear < midYear && midYear < finalYear)
        || (previousBaseYear != null && previousBaseYear >= baseYear)) {
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
