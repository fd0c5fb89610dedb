package org.planreports.assessment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.planreports.core.Messages;
import org.planreports.plan.Kind;
import org.planreports.plan.ReportedStatus;
import org.planreports.plan.Stage;

/**
 * The assessment of one target at one year, every figure already rounded as it is published.
 *
 * <p>{@code baselineYear}/{@code baseline}: the baseline as used after the baseline rules (for
 * GROWTH the level of E). {@code dataYear}/{@code value}: the year whose value was used and that
 * value at the target's precision (GROWTH: the average annual growth g_a since the baseline year in
 * per cent; CUMULATIVE: the running sum; MILESTONE: the year the event happened; QUALITATIVE: the
 * {@link ReportedStatus#code()} of the reported word, with no baseline). Percentages carry one
 * decimal, ratios two; null means not applicable. {@code scheduleRatio} is S, or the pace ratio r
 * for GROWTH. {@code met} is the target test as this stage applies it; {@code warning} is the
 * annual monitoring 预警. {@code notes} are the table's 注 lines, as codes ({@link Note}).
 */
public record Assessment(
    Kind kind,
    Stage stage,
    int year,
    int targetYear,
    Status status,
    Integer baselineYear,
    BigDecimal baseline,
    Integer dataYear,
    BigDecimal value,
    BigDecimal timeProgressPct,
    BigDecimal completionPct,
    BigDecimal scheduleRatio,
    BigDecimal projection,
    Boolean projectionMet,
    BigDecimal requiredAnnualGrowthPct,
    boolean met,
    boolean warning,
    boolean preliminary,
    List<YearGrowth> singleYearGrowths,
    int singleYearsMet,
    List<Note> notes) {

  public Assessment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(status, "status");
    singleYearGrowths = List.copyOf(singleYearGrowths);
    notes = List.copyOf(notes);
    if ((projection == null) != (projectionMet == null)) {
      throw new IllegalArgumentException("projection and projectionMet go together");
    }
    if ((baselineYear == null) != (baseline == null)) {
      throw new IllegalArgumentException("baselineYear and baseline go together");
    }
    if (value != null && dataYear == null) {
      throw new IllegalArgumentException("a value needs its data year");
    }
    if (singleYearsMet < 0 || singleYearsMet > singleYearGrowths.size()) {
      throw new IllegalArgumentException("singleYearsMet out of range: " + singleYearsMet);
    }
    if (met && status == Status.INSUFFICIENT_DATA) {
      throw new IllegalArgumentException("a target with insufficient data cannot be met");
    }
  }

  /** The mid-term projection wording: 预计可完成 / 预计难以完成, or null without a projection. */
  public String projectionLabel() {
    if (projectionMet == null) {
      return null;
    }
    return Messages.bundle("assessment")
        .format(projectionMet ? "assessment.projection.met" : "assessment.projection.missed");
  }

  /**
   * Whether the indicator counts among those with data in the summary. A MILESTONE that has not
   * happened and is not yet due has no value to count (METRICS.md, rulings of 2026-12-02).
   */
  public boolean hasData() {
    if (kind == Kind.MILESTONE && value == null && year < targetYear) {
      return false;
    }
    return status != Status.INSUFFICIENT_DATA;
  }
}
