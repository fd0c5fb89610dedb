package org.planreports.assessment;

/** The plan period: base year t0, mid-term year tM and final year tT. */
public record PlanPeriod(int baseYear, int midYear, int finalYear) {

  public PlanPeriod {
    if (!(baseYear < midYear && midYear < finalYear)) {
      throw new IllegalArgumentException(
          "plan period must have baseYear < midYear < finalYear, got %d, %d, %d"
              .formatted(baseYear, midYear, finalYear));
    }
  }
}
