package org.planreports.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.planreports.core.Finding;
import org.planreports.core.Limits;
import org.planreports.core.Messages;
import org.planreports.core.Wording;
import org.planreports.plan.Indicator;
import org.planreports.plan.Plan;
import org.planreports.validation.StagedValue;

/**
 * Raw items to indicator values by the catalogue's formulas (DATA-CONTRACT.md "Derived
 * indicators"). A value reported under the indicator's direct code is used as reported; where the
 * items for the formula are there too and disagree beyond the display precision, that is a warning.
 */
public final class IndicatorDeriver {

  private static final Messages WORDS = Messages.bundle("input");

  /** Every indicator's yearly values for one region, and the warnings raised. */
  public record Result(Map<String, TreeMap<Integer, IndicatorValue>> series, List<Finding> warnings)
      implements java.io.Serializable {

    public List<IndicatorValue> values(String indicator) {
      return List.copyOf(series.getOrDefault(indicator, new TreeMap<>()).values());
    }
  }

  private IndicatorDeriver() {}

  public static Result derive(Plan plan, String region, List<StagedValue> staged) {
    Map<Integer, Map<String, StagedValue>> byYear = new TreeMap<>();
    for (StagedValue v : staged) {
      if (v.region().equals(region) && v.value() != null) {
        byYear.computeIfAbsent(v.year(), y -> new HashMap<>()).put(v.item(), v);
      }
    }
    Map<String, TreeMap<Integer, IndicatorValue>> series = new LinkedHashMap<>();
    List<Finding> warnings = new ArrayList<>();
    for (Indicator ind : plan.indicators().values()) {
      TreeMap<Integer, IndicatorValue> values = new TreeMap<>();
      for (int year : new TreeSet<>(byYear.keySet())) {
        Map<String, StagedValue> items = byYear.get(year);
        Optional<IndicatorValue> derived = fromFormula(ind, year, items);
        StagedValue direct = ind.direct() == null ? null : items.get(ind.direct().code());
        if (derived.isEmpty() && direct == null) {
          zeroDenominator(ind, year, items).ifPresent(warnings::add);
        }
        if (direct != null) {
          values.put(year, fromDirect(ind, direct));
          derived.ifPresent(d -> checkAgreement(ind, direct, d, warnings));
        } else if (derived.isPresent() && !ind.inRange(derived.get().value())) {
          warnings.add(outOfRange(ind, derived.get()));
        } else {
          derived.ifPresent(d -> values.put(year, d));
        }
      }
      series.put(ind.code(), values);
    }
    return new Result(series, warnings);
  }

  private static IndicatorValue fromDirect(Indicator ind, StagedValue v) {
    return new IndicatorValue(
        ind.code(),
        v.year(),
        v.value(),
        v.preliminary(),
        v.sample(),
        // Reported as such rather than derived: the "formula" is the reported item itself.
        v.item(),
        List.of(new Source(v.file(), v.line(), v.item(), v.raw(), v.value(), v.source())));
  }

  private static Optional<IndicatorValue> fromFormula(
      Indicator ind, int year, Map<String, StagedValue> items) {
    Map<String, BigDecimal> values = new HashMap<>();
    List<Source> sources = new ArrayList<>();
    boolean preliminary = false;
    boolean sample = false;
    for (String code : ind.formula().items()) {
      StagedValue v = items.get(code);
      if (v == null) {
        return Optional.empty();
      }
      values.put(code, v.value());
      sources.add(new Source(v.file(), v.line(), v.item(), v.raw(), v.value(), v.source()));
      preliminary |= v.preliminary();
      sample |= v.sample();
    }
    boolean p = preliminary;
    boolean s = sample;
    return ind.formula()
        .evaluate(values)
        .map(x -> new IndicatorValue(ind.code(), year, x, p, s, ind.formula().text(), sources));
  }

  /**
   * An error at the row of a denominator that is zero, when the formula has all its items but
   * cannot divide and no value is reported directly: without it the indicator would silently have
   * no value that year and the publication would fall back to an earlier year.
   */
  private static Optional<Finding> zeroDenominator(
      Indicator ind, int year, Map<String, StagedValue> items) {
    Map<String, BigDecimal> values = new HashMap<>();
    for (String code : ind.formula().items()) {
      StagedValue v = items.get(code);
      if (v == null) {
        return Optional.empty();
      }
      values.put(code, v.value());
    }
    for (String code : ind.formula().zeroDivisors(values)) {
      StagedValue v = items.get(code);
      return Optional.of(
          Finding.error(
              "E_ZERO_DENOMINATOR",
              v.file(),
              v.line(),
              "value",
              v.raw(),
              WORDS.get(
                  "input.indicator.zero",
                  "year",
                  v.year(),
                  "item",
                  code,
                  "indicator",
                  ind.name(),
                  "formula",
                  ind.formula().text()),
              WORDS.get("input.indicator.zero.expected", "item", code)));
    }
    return Optional.empty();
  }

  /**
   * A derived value outside the indicator's declared range (a share above 100 % from two counts, or
   * a 39-digit numerator): an error at the row of its first operand, naming every input line it was
   * computed from, as a value reported out of range is at its own row. It is not kept.
   */
  private static Finding outOfRange(Indicator ind, IndicatorValue d) {
    Wording w = Wording.zh();
    Source first = d.sources().get(0);
    String value =
        Limits.shorten(
            d.value().setScale(ind.precision(), RoundingMode.HALF_UP).toPlainString(), 60);
    List<String> sources =
        d.sources().stream()
            .map(
                s ->
                    w.get(
                        "input.range.source",
                        "file",
                        s.file(),
                        "line",
                        s.line(),
                        "item",
                        s.item(),
                        "raw",
                        s.raw()))
            .toList();
    String lo = ind.min() == null ? "" : w.get("input.range.min", "min", ind.min().toPlainString());
    String hi = ind.max() == null ? "" : w.get("input.range.max", "max", ind.max().toPlainString());
    String range =
        lo.isEmpty() || hi.isEmpty() ? lo + hi : w.get("input.range.both", "min", lo, "max", hi);
    return Finding.error(
        "E_RANGE",
        first.file(),
        first.line(),
        "value",
        value,
        w.get(
            "input.range.derived",
            "year",
            d.year(),
            "name",
            ind.name(),
            "formula",
            ind.formula().text(),
            "value",
            value,
            "unit",
            ind.unit() == null ? "" : ind.unit(),
            "range",
            range,
            "sources",
            String.join(w.get("input.range.source.sep"), sources)),
        w.get("input.range.expected", "range", range));
  }

  private static void checkAgreement(
      Indicator ind, StagedValue direct, IndicatorValue derived, List<Finding> warnings) {
    BigDecimal a = direct.value().setScale(ind.precision(), RoundingMode.HALF_UP);
    BigDecimal b = derived.value().setScale(ind.precision(), RoundingMode.HALF_UP);
    if (a.compareTo(b) != 0) {
      warnings.add(
          Finding.warning(
              "W_DIRECT_DISAGREES",
              direct.file(),
              direct.line(),
              "value",
              direct.raw(),
              WORDS.get(
                  "input.indicator.disagrees",
                  "indicator",
                  ind.name(),
                  "direct",
                  a.toPlainString(),
                  "formula",
                  ind.formula().text(),
                  "derived",
                  b.toPlainString()),
              b.toPlainString()));
    }
  }
}
