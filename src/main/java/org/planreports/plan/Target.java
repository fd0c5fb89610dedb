package org.planreports.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A quantified target of the plan.
 *
 * <p>{@code value} is the target T as the plan prints it: for GROWTH the rate g* in per cent a year
 * (e.g. 10), for MILESTONE the due year, for RELATIVE the gap target (0). {@code precision} is the
 * display precision (decimals); values are rounded half-up to it before any target test. {@code
 * publishedBaseline} is the baseline the plan publishes (现状值), null where the plan prints "—"; for
 * GROWTH it is the level of the series E in the base year, not a growth rate. {@code
 * publishedBaselineYear} is the base year t0 of this target when it differs from the plan period's,
 * else null or the period's.
 *
 * <p>RANGE: {@code value} is the low bound and {@code upper} the high bound (low < high, both
 * within the display precision); the comparator is not used, callers pass ≥. QUALITATIVE: {@code
 * value} may be null and there is no baseline. {@code upper} is null for every kind but RANGE.
 */
public record Target(
    Kind kind,
    Comparator comparator,
    BigDecimal value,
    int targetYear,
    Attribute attribute,
    int precision,
    Integer publishedBaselineYear,
    BigDecimal publishedBaseline,
    BigDecimal upper) {

  public Target {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(comparator, "comparator");
    if (kind != Kind.QUALITATIVE) {
      Objects.requireNonNull(value, "value");
    }
    if (upper != null && kind != Kind.RANGE) {
      throw new IllegalArgumentException("only a range target has an upper bound");
    }
    Objects.requireNonNull(attribute, "attribute");
    if (precision < 0 || precision > 6) {
      throw new IllegalArgumentException("precision must be 0…6, got " + precision);
    }
    if (targetYear < 1900 || targetYear > 2100) {
      throw new IllegalArgumentException("target year out of range: " + targetYear);
    }
    if (publishedBaseline != null && publishedBaselineYear == null) {
      throw new IllegalArgumentException("a published baseline needs its year");
    }
    if (publishedBaselineYear != null && publishedBaselineYear >= targetYear) {
      throw new IllegalArgumentException(
          "baseline year %d must precede target year %d"
              .formatted(publishedBaselineYear, targetYear));
    }
    switch (kind) {
      case MILESTONE -> {
        if (value.stripTrailingZeros().scale() > 0) {
          throw new IllegalArgumentException("a milestone's value is its due year, got " + value);
        }
        if (publishedBaseline != null) {
          throw new IllegalArgumentException("a milestone has no baseline value");
        }
      }
      case GROWTH -> {
        // The pace ratio r = g_a/g* only reads as progress for a positive, at-least growth target.
        if (comparator.direction() < 0 || value.signum() <= 0) {
          throw new IllegalArgumentException(
              "a growth target must be ≥ or > a positive rate, got " + comparator.symbol() + value);
        }
        requireWithinPrecision(value, precision, "target");
      }
      case CUMULATIVE -> {
        // C = x/T measures a count accumulating towards a floor; a ceiling on a sum is not a plan
        // target this method knows how to schedule.
        if (comparator.direction() < 0 || value.signum() <= 0) {
          throw new IllegalArgumentException(
              "a cumulative target must be ≥ or > a positive count, got "
                  + comparator.symbol()
                  + value);
        }
        if (publishedBaseline != null && publishedBaseline.signum() != 0) {
          throw new IllegalArgumentException("a cumulative target's baseline is 0");
        }
        requireWithinPrecision(value, precision, "target");
      }
      case LEVEL, RELATIVE -> {
        requireWithinPrecision(value, precision, "target");
        if (publishedBaseline != null) {
          requireWithinPrecision(publishedBaseline, precision, "published baseline");
        }
      }
      case RANGE -> {
        Objects.requireNonNull(upper, "a range target needs its upper bound");
        if (value.compareTo(upper) >= 0) {
          throw new IllegalArgumentException(
              "a range's low bound %s must be below its high bound %s"
                  .formatted(value.toPlainString(), upper.toPlainString()));
        }
        requireWithinPrecision(value, precision, "low bound");
        requireWithinPrecision(upper, precision, "high bound");
        if (publishedBaseline != null) {
          requireWithinPrecision(publishedBaseline, precision, "published baseline");
        }
      }
      case QUALITATIVE -> {
        if (publishedBaseline != null) {
          throw new IllegalArgumentException("a qualitative target has no baseline value");
        }
      }
    }
  }

  /** A target of any kind but RANGE, without an upper bound. */
  public Target(
      Kind kind,
      Comparator comparator,
      BigDecimal value,
      int targetYear,
      Attribute attribute,
      int precision,
      Integer publishedBaselineYear,
      BigDecimal publishedBaseline) {
    this(
        kind,
        comparator,
        value,
        targetYear,
        attribute,
        precision,
        publishedBaselineYear,
        publishedBaseline,
        null);
  }

  /** The due year: the value for a MILESTONE, the target year otherwise. */
  public int dueYear() {
    return kind == Kind.MILESTONE ? value.intValueExact() : targetYear;
  }

  // The display precision is never coarser than what the plan prints (METRICS.md, Terms).
  private static void requireWithinPrecision(BigDecimal number, int precision, String what) {
    if (number.stripTrailingZeros().scale() > precision) {
      throw new IllegalArgumentException(
          "%s %s has more decimals than the display precision %d"
              .formatted(what, number.toPlainString(), precision));
    }
  }

  /** The target a catalogue row states. */
  public static Target of(CatalogueRow row) {
    return new Target(
        row.kind(),
        row.comparator(),
        row.targetValue(),
        row.targetYear(),
        row.effectiveAttribute(),
        row.decimals(),
        row.publishedBaseline() == null ? null : row.baselineYear(),
        row.publishedBaseline(),
        row.targetUpper());
  }
}
