package org.planreports.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The plan-level summary printed in every report: the count per status (only statuses that occur,
 * in the enum's order) and 指标完成率 = (已完成 or 完成) / indicators with data, in per cent with one
 * decimal, null when no indicator has data.
 */
public record Summary(
    Map<Status, Integer> counts, int withData, int met, BigDecimal completionRatePct) {

  public Summary {
    Objects.requireNonNull(counts, "counts");
    EnumMap<Status, Integer> copy = new EnumMap<>(Status.class);
    counts.forEach(
        (status, count) -> {
          if (count == null || count < 0) {
            throw new IllegalArgumentException("count for " + status + " must be ≥ 0");
          }
          if (count > 0) {
            copy.put(status, count);
          }
        });
    counts = Collections.unmodifiableMap(copy);
    if (met < 0 || withData < met) {
      throw new IllegalArgumentException(
          "need 0 ≤ met ≤ withData, got %d/%d".formatted(met, withData));
    }
  }

  public static Summary summarize(Collection<Assessment> assessments) {
    EnumMap<Status, Integer> counts = new EnumMap<>(Status.class);
    int withData = 0;
    int met = 0;
    for (Assessment assessment : assessments) {
      counts.merge(assessment.status(), 1, Integer::sum);
      if (assessment.hasData()) {
        withData++;
      }
      if (assessment.status().isMet()) {
        met++;
      }
    }
    BigDecimal rate =
        withData == 0
            ? null
            : BigDecimal.valueOf(met * 100L)
                .divide(BigDecimal.valueOf(withData), 1, RoundingMode.HALF_UP);
    return new Summary(counts, withData, met, rate);
  }

  public int count(Status status) {
    return counts.getOrDefault(status, 0);
  }

  public int total() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
