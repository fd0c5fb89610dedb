package org.planreports.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.planreports.plan.Attribute;
import org.planreports.plan.Kind;
import org.planreports.plan.ReportedStatus;
import org.planreports.plan.Stage;
import org.planreports.plan.Target;

/**
 * The METRICS.md method as plain functions: one target, its series and the plan period in, one
 * {@link Assessment} out. Indicator values are rounded half-up to the target's precision before
 * anything is computed from them; percentages and ratios are rounded as published, and the status
 * thresholds are applied to the published figures so that a reader can check every row.
 */
public final class Assessor {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal ON_TRACK = new BigDecimal("0.95");
  private static final BigDecimal MODERATE = new BigDecimal("0.60");
  private static final BigDecimal NEARLY_COMPLETE_PCT = new BigDecimal("95.0");

  private Assessor() {}

  /**
   * Assesses {@code target} in year {@code year} at {@code stage}.
   *
   * @param series the indicator's series in any order, at most one observation a year (GROWTH: the
   *     level series E; CUMULATIVE: the yearly counts; MILESTONE: the year the event happened;
   *     QUALITATIVE: the {@link ReportedStatus#code()} of the word the office reported)
   */
  public static Assessment assess(
      Target target, List<Observation> series, PlanPeriod period, int year, Stage stage) {
    return assess(target, series, period, year, stage, true);
  }

  /**
   * {@link #assess(Target, List, PlanPeriod, int, Stage)} saying whether the series is an amount of
   * money: only then is a growth rate noted as at current prices.
   */
  public static Assessment assess(
      Target target,
      List<Observation> series,
      PlanPeriod period,
      int year,
      Stage stage,
      boolean money) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(stage, "stage");
    NavigableMap<Integer, Observation> byYear = index(series);
    Draft draft = new Draft(target, stage, year);
    draft.money = money;
    switch (target.kind()) {
      case LEVEL, RELATIVE, RANGE -> assessLevel(draft, byYear, baseYear(target, period));
      case CUMULATIVE -> assessCumulative(draft, byYear, baseYear(target, period));
      case GROWTH -> assessGrowth(draft, byYear, baseYear(target, period));
      case MILESTONE -> assessMilestone(draft, byYear);
      case QUALITATIVE ->
          assessQualitative(draft, byYear, baseYear(target, period), period.midYear());
    }
    return draft.build();
  }

  /** Same as {@link Summary#summarize(Collection)}. */
  public static Summary summarize(Collection<Assessment> assessments) {
    return Summary.summarize(assessments);
  }

  private static NavigableMap<Integer, Observation> index(List<Observation> series) {
    NavigableMap<Integer, Observation> byYear = new TreeMap<>();
    for (Observation observation : series) {
      Objects.requireNonNull(observation, "observation");
      if (byYear.put(observation.year(), observation) != null) {
        throw new IllegalArgumentException("two observations for " + observation.year());
      }
    }
    return byYear;
  }

  private static int baseYear(Target target, PlanPeriod period) {
    Integer published = target.publishedBaselineYear();
    return published != null ? published : period.baseYear();
  }

  /**
   * Baseline rules 1–3 (METRICS.md, Baseline); rule 4, no baseline, leaves it unset. {@code scale}
   * rounds a LEVEL value to its precision and leaves GROWTH's level series as the extract gives it.
   */
  private static void applyBaseline(
      Draft d,
      NavigableMap<Integer, Observation> s,
      int t0,
      Observation data,
      java.util.function.UnaryOperator<BigDecimal> scale) {
    Target target = d.target;
    Integer tb = null;
    BigDecimal baseline = null;
    Observation atBase = s.get(t0);
    if (target.publishedBaseline() != null) {
      tb = t0;
      baseline = scale.apply(target.publishedBaseline());
      if (atBase != null && scale.apply(atBase.value()).compareTo(baseline) != 0) {
        d.note(NoteCode.BASELINE_REVISED, t0, scale.apply(atBase.value()).toPlainString());
      }
    } else if (atBase != null) {
      tb = t0;
      baseline = scale.apply(atBase.value());
      d.preliminary(atBase);
    } else if (data != null && data.year() > t0) {
      // The data year itself cannot be its own baseline: no progress could be measured from it.
      Map.Entry<Integer, Observation> later = s.subMap(t0, false, data.year(), false).firstEntry();
      if (later != null) {
        tb = later.getKey();
        baseline = scale.apply(later.getValue().value());
        d.preliminary(later.getValue());
        d.note(NoteCode.BASELINE_YEAR, tb);
      }
    }
    if (tb != null) {
      d.baselineYear = tb;
      d.baseline = baseline;
    }
  }

  /** The target test on a rounded value: the comparator, or low ≤ x ≤ high for a RANGE. */
  private static boolean meets(Target target, BigDecimal rounded) {
    if (target.kind() == Kind.RANGE) {
      return target.value().compareTo(rounded) <= 0 && rounded.compareTo(target.upper()) <= 0;
    }
    return target.comparator().test(rounded, target.value());
  }

  // ---- LEVEL, RELATIVE and RANGE -----------------------------------------------------------

  private static void assessLevel(Draft d, NavigableMap<Integer, Observation> s, int t0) {
    Target target = d.target;
    Map.Entry<Integer, Observation> dataEntry = s.floorEntry(d.year);
    Observation data = dataEntry == null ? null : dataEntry.getValue();

    // Baseline rules 1–3 (METRICS.md, Baseline); rule 4 is the fall-through below.
    applyBaseline(d, s, t0, data, d::round);
    Integer tb = d.baselineYear;
    BigDecimal baseline = d.baseline;
    if (data == null) {
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }
    d.useData(data.year(), d.round(data.value()));
    d.preliminary(data);

    if (tb == null) {
      noBaseline(d, t0);
    } else if (data.year() <= tb) {
      // Data-year rule: nothing has been measured since the base.
      d.status = Status.INSUFFICIENT_DATA;
    } else {
      progress(d, tb, baseline);
    }
  }

  // Baseline rule 4: no completion or schedule, the status comes from the target test alone.
  private static void noBaseline(Draft d, int t0) {
    if (d.dataYear <= t0) {
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }
    d.note(NoteCode.NO_BASELINE);
    d.met = meets(d.target, d.value);
    if (d.finalTable) {
      d.status = d.met ? Status.ACHIEVED : Status.NOT_ACHIEVED;
    } else {
      d.status = d.met ? Status.COMPLETED : Status.INSUFFICIENT_DATA;
      requiredGrowth(d);
    }
  }

  // ---- CUMULATIVE --------------------------------------------------------------------------

  private static void assessCumulative(Draft d, NavigableMap<Integer, Observation> s, int t0) {
    d.baselineYear = t0;
    d.baseline = d.round(BigDecimal.ZERO);
    NavigableMap<Integer, Observation> window =
        d.year > t0 ? s.subMap(t0, false, d.year, true) : new TreeMap<>();
    if (window.isEmpty()) {
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }
    int dataYear = window.lastKey();
    BigDecimal sum = BigDecimal.ZERO;
    for (Observation observation : window.values()) {
      sum = sum.add(observation.value());
      d.preliminary(observation);
    }
    d.useData(dataYear, d.round(sum));
    List<Integer> missing = new ArrayList<>();
    for (int y = t0 + 1; y < dataYear; y++) {
      if (!window.containsKey(y)) {
        missing.add(y);
      }
    }
    if (!missing.isEmpty()) {
      d.methodNote(NoteCode.YEARS_MISSING, missing.toArray());
    }
    progress(d, t0, d.baseline);
  }

  // ---- LEVEL, RELATIVE, CUMULATIVE, RANGE: τ, C, S, projection, g_need and the status tables -

  private static void progress(Draft d, int tb, BigDecimal baseline) {
    Target target = d.target;
    BigDecimal x = d.value;
    boolean range = target.kind() == Kind.RANGE;
    // C is measured to T; for a RANGE to the bound nearer the baseline, and not at all from inside.
    BigDecimal goal = target.value();
    int direction = target.comparator().direction();
    if (range) {
      if (baseline.compareTo(target.value()) < 0) {
        direction = 1;
      } else if (baseline.compareTo(target.upper()) > 0) {
        goal = target.upper();
        direction = -1;
      } else {
        goal = null;
        direction = 0;
      }
    }
    int tT = target.targetYear();
    int elapsed = d.dataYear - tb;
    int span = tT - tb;
    boolean due = d.dataYear >= tT;

    d.met = meets(target, x);
    d.timeProgressPct = due ? pct(BigDecimal.ONE) : ratio(elapsed * 100L, span, 1);

    BigDecimal moved = x.subtract(baseline);
    // A RANGE value that passed the near bound and is still outside has overshot the far one.
    boolean overshoot = range && goal != null && !d.met && x.subtract(goal).signum() == direction;
    if (overshoot) {
      d.note(direction > 0 ? NoteCode.ABOVE_RANGE : NoteCode.BELOW_RANGE);
      d.alert = !d.finalTable;
    }
    if (goal == null) {
      d.methodNote(NoteCode.BASELINE_IN_RANGE);
    } else if (goal.subtract(baseline).signum() * direction > 0) {
      BigDecimal gap = goal.subtract(baseline);
      d.completionPct = moved.multiply(HUNDRED).divide(gap, 1, RoundingMode.HALF_UP);
      // S = C/τ, as one exact division so that it is rounded once.
      d.scheduleRatio =
          due
              ? moved.divide(gap, 2, RoundingMode.HALF_UP)
              : moved
                  .multiply(BigDecimal.valueOf(span))
                  .divide(gap.multiply(BigDecimal.valueOf(elapsed)), 2, RoundingMode.HALF_UP);
    } else {
      d.methodNote(NoteCode.BASELINE_MET);
    }

    if (!d.finalTable && !due && x.signum() > 0 && baseline.signum() > 0) {
      // x̂ = x·(1 + g_a)^(tT − t) with g_a = (x/B)^(1/(t − tb)) − 1.
      double growth = Math.pow(x.doubleValue() / baseline.doubleValue(), 1.0 / elapsed);
      double projected = x.doubleValue() * Math.pow(growth, tT - d.dataYear);
      d.projection = d.round(BigDecimal.valueOf(projected));
      d.projectionMet = meets(target, d.projection);
    }
    if (!d.finalTable && target.kind() != Kind.CUMULATIVE) {
      requiredGrowth(d);
    }

    if (d.finalTable) {
      if (d.met) {
        d.status = Status.ACHIEVED;
      } else if (target.attribute() == Attribute.EXPECTED
          && !overshoot
          && d.completionPct != null
          && d.completionPct.compareTo(NEARLY_COMPLETE_PCT) >= 0) {
        d.status = Status.NEARLY_ACHIEVED;
      } else {
        d.status = Status.NOT_ACHIEVED;
      }
    } else if (d.met) {
      d.status = Status.COMPLETED;
    } else if (d.scheduleRatio == null) {
      // The baseline already met the target (or equals it under a strict comparator, or lay inside
      // the range): any move against the target's direction, or out of the range, is a reversal;
      // standing still is no progress.
      d.status =
          range || moved.signum() * direction < 0 ? Status.REVERSED : Status.FAR_BEHIND_SCHEDULE;
    } else {
      d.status = onTrack(d.scheduleRatio, Status.ON_SCHEDULE);
    }
  }

  // g_need = (T/x)^(1/(tT − t)) − 1, only while the target is unmet and years remain; for a RANGE
  // T is the bound x has to reach, the high one (a fall) once x is above the range.
  private static void requiredGrowth(Draft d) {
    BigDecimal x = d.value;
    Target target = d.target;
    BigDecimal goal =
        target.kind() == Kind.RANGE && x.compareTo(target.upper()) > 0
            ? target.upper()
            : target.value();
    int remaining = d.target.targetYear() - d.dataYear;
    if (!d.met && remaining > 0 && x.signum() > 0 && goal.signum() > 0) {
      double need = Math.pow(goal.doubleValue() / x.doubleValue(), 1.0 / remaining) - 1;
      d.requiredAnnualGrowthPct = percent(need, 1);
    }
  }

  // The on-track ladder shared by S and r: ≥1, 0.95, 0.60, 0, below 0.
  private static Status onTrack(BigDecimal ratio, Status atOrAboveOne) {
    if (ratio.compareTo(BigDecimal.ONE) >= 0) {
      return atOrAboveOne;
    } else if (ratio.compareTo(ON_TRACK) >= 0) {
      return Status.NEARLY_ON_SCHEDULE;
    } else if (ratio.compareTo(MODERATE) >= 0) {
      return Status.BEHIND_SCHEDULE;
    } else if (ratio.signum() >= 0) {
      return Status.FAR_BEHIND_SCHEDULE;
    }
    return Status.REVERSED;
  }

  // ---- GROWTH ------------------------------------------------------------------------------

  private static void assessGrowth(Draft d, NavigableMap<Integer, Observation> s, int t0) {
    Target target = d.target;
    if (d.money) {
      d.methodNote(NoteCode.CURRENT_PRICES);
    }
    Map.Entry<Integer, Observation> dataEntry = s.floorEntry(d.year);
    Observation data = dataEntry == null ? null : dataEntry.getValue();

    // The baseline rules apply to the level series E; its values are used as the extract gives
    // them, only the growth rates are rounded.
    applyBaseline(d, s, t0, data, v -> v);
    Integer tb = d.baselineYear;
    BigDecimal baseline = d.baseline;
    if (data == null) {
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }
    d.useData(data.year(), null);
    d.preliminary(data);
    // Fewer than two years (a baseline and a later year), or a level that admits no growth rate.
    if (tb == null || data.year() <= tb || baseline.signum() <= 0 || data.value().signum() <= 0) {
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }

    int t = data.year();
    BigDecimal goal = target.value();
    double ga = Math.pow(data.value().doubleValue() / baseline.doubleValue(), 1.0 / (t - tb)) - 1;
    d.value = percent(ga, target.precision());
    d.met = target.comparator().test(d.value, goal);
    d.scheduleRatio = d.value.divide(goal, 2, RoundingMode.HALF_UP);

    List<YearGrowth> growths = new ArrayList<>();
    for (int y = tb + 1; y <= t; y++) {
      BigDecimal previous = y - 1 == tb ? baseline : valueOf(s.get(y - 1));
      BigDecimal current = valueOf(s.get(y));
      if (previous == null || current == null || previous.signum() <= 0) {
        continue;
      }
      d.preliminary(s.get(y));
      BigDecimal gy =
          percent(current.doubleValue() / previous.doubleValue() - 1, target.precision());
      growths.add(new YearGrowth(y, gy, target.comparator().test(gy, goal)));
    }
    d.growths = growths;
    d.singleYearsMet = (int) growths.stream().filter(YearGrowth::met).count();

    int tT = target.targetYear();
    if (!d.finalTable && t < tT) {
      // Carried forward at its own pace the average stays g_a, so the projection is g_a itself.
      d.projection = d.value;
      d.projectionMet = d.met;
      if (!d.met) {
        // The growth that would still bring the average since tb up to g* by tT.
        double goalLevel =
            baseline.doubleValue() * Math.pow(1 + goal.doubleValue() / 100, (double) tT - tb);
        double need = Math.pow(goalLevel / data.value().doubleValue(), 1.0 / (tT - t)) - 1;
        d.requiredAnnualGrowthPct = percent(need, 1);
      }
    }

    if (d.finalTable) {
      if (d.met) {
        d.status = Status.ACHIEVED;
      } else if (target.attribute() == Attribute.EXPECTED
          && d.scheduleRatio.compareTo(ON_TRACK) >= 0) {
        d.status = Status.NEARLY_ACHIEVED;
      } else {
        d.status = Status.NOT_ACHIEVED;
      }
    } else {
      // Unmet with r ≥ 1 happens only under ">" with g_a equal to g*, or when r rounds up to 1.
      d.status = d.met ? Status.ON_SCHEDULE : onTrack(d.scheduleRatio, Status.NEARLY_ON_SCHEDULE);
    }
  }

  private static BigDecimal valueOf(Observation observation) {
    return observation == null ? null : observation.value();
  }

  // ---- MILESTONE ---------------------------------------------------------------------------

  private static void assessMilestone(Draft d, NavigableMap<Integer, Observation> s) {
    int due = d.target.dueYear();
    // The event year is the earliest one reported by year t; a report of a year after t is not
    // yet a fact at t.
    Observation first = null;
    for (Observation observation : s.headMap(d.year, true).values()) {
      BigDecimal happened = observation.value();
      if (happened.compareTo(BigDecimal.valueOf(d.year)) <= 0
          && (first == null || happened.compareTo(first.value()) < 0)) {
        first = observation;
      }
    }
    if (first == null) {
      d.met = false;
      if (d.finalTable) {
        d.status = Status.NOT_ACHIEVED;
      } else {
        d.status = d.year < due ? Status.ON_SCHEDULE : Status.FAR_BEHIND_SCHEDULE;
      }
      return;
    }
    int happened = first.value().intValue();
    // The event year is the value; when it was reported says nothing about data currency.
    d.dataYear = first.year();
    d.value = new BigDecimal(happened);
    d.preliminary(first);
    boolean onTime = happened <= due;
    if (!onTime) {
      d.methodNote(NoteCode.MILESTONE_LATE, happened, due);
    }
    if (d.finalTable) {
      // The final evaluation judges the target as written, by its due year.
      d.met = onTime;
      if (onTime) {
        d.status = Status.ACHIEVED;
      } else {
        d.status =
            d.target.attribute() == Attribute.EXPECTED
                ? Status.NEARLY_ACHIEVED
                : Status.NOT_ACHIEVED;
      }
    } else {
      // Monitoring reports the fact: the event has happened, late or not.
      d.met = true;
      d.status = Status.COMPLETED;
    }
  }

  // ---- QUALITATIVE -------------------------------------------------------------------------

  private static void assessQualitative(
      Draft d, NavigableMap<Integer, Observation> s, int t0, int midYear) {
    d.methodNote(NoteCode.AS_REPORTED);
    Map.Entry<Integer, Observation> dataEntry = s.floorEntry(d.year);
    if (dataEntry == null) {
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }
    Observation data = dataEntry.getValue();
    ReportedStatus reported = ReportedStatus.fromCode(data.value());
    d.useData(data.year(), reported.code());
    d.preliminary(data);
    if (data.year() <= t0) {
      // Data-year rule: a status reported for the base year says nothing about the plan period.
      d.status = Status.INSUFFICIENT_DATA;
      return;
    }
    d.met = reported == ReportedStatus.DONE;
    if (d.finalTable) {
      // No completion to measure how near an unfinished task came: no 基本完成.
      d.status = d.met ? Status.ACHIEVED : Status.NOT_ACHIEVED;
      return;
    }
    int due = d.target.dueYear();
    d.status =
        switch (reported) {
          case DONE -> Status.COMPLETED;
          case IN_PROGRESS -> Status.IN_PROGRESS;
          case NOT_STARTED -> Status.NOT_STARTED;
        };
    // 预警: not started from the mid-term year (or the due year, if earlier) on; still in
    // progress once due.
    d.alert =
        switch (reported) {
          case DONE -> false;
          case IN_PROGRESS -> d.year >= due;
          case NOT_STARTED -> d.year >= Math.min(midYear, due);
        };
  }

  // ---- helpers -----------------------------------------------------------------------------

  private static BigDecimal pct(BigDecimal fraction) {
    return fraction.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal ratio(long numerator, long denominator, int scale) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
  }

  private static BigDecimal percent(double fraction, int scale) {
    return BigDecimal.valueOf(fraction).multiply(HUNDRED).setScale(scale, RoundingMode.HALF_UP);
  }

  /** The assessment under construction; {@link #build()} adds the notes every kind shares. */
  private static final class Draft {
    final Target target;
    final Stage stage;
    final int year;
    final boolean finalTable;
    boolean money = true;
    Status status;
    Integer baselineYear;
    BigDecimal baseline;
    Integer dataYear;
    BigDecimal value;
    BigDecimal timeProgressPct;
    BigDecimal completionPct;
    BigDecimal scheduleRatio;
    BigDecimal projection;
    Boolean projectionMet;
    BigDecimal requiredAnnualGrowthPct;
    boolean met;
    // A 预警 the status itself does not carry (a qualitative target, a range overshot).
    boolean alert;
    List<YearGrowth> growths = List.of();
    int singleYearsMet;
    private final List<Note> notes = new ArrayList<>();
    private final List<Note> methodNotes = new ArrayList<>();
    private final SortedSet<Integer> preliminaryYears = new TreeSet<>();

    Draft(Target target, Stage stage, int year) {
      this.target = target;
      this.stage = stage;
      this.year = year;
      int due = target.dueYear();
      // A target not yet due at the final evaluation (a milestone for 2026) is still judged
      // against its schedule.
      this.finalTable = stage == Stage.FINAL && year >= due;
      if (stage == Stage.FINAL && year < due) {
        methodNote(NoteCode.NOT_YET_DUE, due);
      }
    }

    BigDecimal round(BigDecimal number) {
      return number.setScale(target.precision(), RoundingMode.HALF_UP);
    }

    void useData(int dataYear, BigDecimal value) {
      this.dataYear = dataYear;
      this.value = value;
      if (dataYear < year) {
        note(NoteCode.DATA_AS_OF, dataYear);
      }
    }

    void preliminary(Observation observation) {
      if (observation != null && observation.preliminary()) {
        preliminaryYears.add(observation.year());
      }
    }

    void note(NoteCode code, Object... args) {
      notes.add(Note.of(code, args));
    }

    void methodNote(NoteCode code, Object... args) {
      methodNotes.add(Note.of(code, args));
    }

    Assessment build() {
      List<Note> all = new ArrayList<>(notes);
      if (!preliminaryYears.isEmpty()) {
        all.add(Note.of(NoteCode.PRELIMINARY, preliminaryYears.toArray()));
      }
      all.addAll(methodNotes);
      boolean warning =
          stage != Stage.FINAL
              && (status.isLagging() || alert || Boolean.FALSE.equals(projectionMet));
      return new Assessment(
          target.kind(),
          stage,
          year,
          target.dueYear(),
          status,
          baselineYear,
          baseline,
          dataYear,
          value,
          timeProgressPct,
          completionPct,
          scheduleRatio,
          projection,
          projectionMet,
          requiredAnnualGrowthPct,
          met,
          warning,
          !preliminaryYears.isEmpty(),
          growths,
          singleYearsMet,
          all);
    }
  }
}
