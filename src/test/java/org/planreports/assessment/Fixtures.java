package org.planreports.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.planreports.plan.Attribute;
import org.planreports.plan.Comparator;
import org.planreports.plan.Kind;
import org.planreports.plan.Target;

/** Builds targets and series for the table-driven tests from short strings. */
final class Fixtures {

  static final PlanPeriod PERIOD = new PlanPeriod(2020, 2023, 2025);

  private Fixtures() {}

  /**
   * Parses "2020:30 2023:52p": year:value pairs separated by spaces, a trailing "p" marking a
   * preliminary (初步) figure; null or blank gives an empty series.
   */
  static List<Observation> series(String spec) {
    List<Observation> observations = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return observations;
    }
    for (String pair : spec.trim().split("\\s+")) {
      String[] parts = pair.split(":");
      boolean preliminary = parts[1].endsWith("p");
      String value = preliminary ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
      observations.add(
          new Observation(Integer.parseInt(parts[0]), new BigDecimal(value), preliminary));
    }
    return observations;
  }

  /** A 2025 target with the plan's 2020 baseline ({@code baseline} null for "—"). */
  static Target target(Kind kind, String comparator, String value, int precision, String baseline) {
    return target(kind, comparator, value, 2025, Attribute.EXPECTED, precision, baseline);
  }

  static Target target(
      Kind kind,
      String comparator,
      String value,
      int targetYear,
      Attribute attribute,
      int precision,
      String baseline) {
    return new Target(
        kind,
        Comparator.parse(comparator),
        new BigDecimal(value),
        targetYear,
        attribute,
        precision,
        baseline == null ? null : 2020,
        baseline == null ? null : new BigDecimal(baseline));
  }

  static Target level(String comparator, String value, int precision, String baseline) {
    return target(Kind.LEVEL, comparator, value, precision, baseline);
  }

  /** A 2025 RANGE target low~high with the plan's 2020 baseline ({@code baseline} null for "—"). */
  static Target range(
      String low, String high, Attribute attribute, int precision, String baseline) {
    return new Target(
        Kind.RANGE,
        Comparator.GE,
        new BigDecimal(low),
        2025,
        attribute,
        precision,
        baseline == null ? null : 2020,
        baseline == null ? null : new BigDecimal(baseline),
        new BigDecimal(high));
  }

  /** A QUALITATIVE target due in {@code targetYear}: no number, no baseline. */
  static Target qualitative(int targetYear, Attribute attribute) {
    return new Target(
        Kind.QUALITATIVE, Comparator.GE, null, targetYear, attribute, 0, null, null, null);
  }

  static BigDecimal dec(String text) {
    return text == null ? null : new BigDecimal(text);
  }
}
