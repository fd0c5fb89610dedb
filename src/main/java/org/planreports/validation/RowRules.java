package org.planreports.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planreports.core.Finding;
import org.planreports.core.Limits;
import org.planreports.core.Messages;
import org.planreports.core.TextRules;
import org.planreports.core.Wording;
import org.planreports.ingest.Columns;
import org.planreports.ingest.RawRow;
import org.planreports.plan.Item;
import org.planreports.plan.Plan;
import org.planreports.plan.ReportedStatus;

/**
 * The rules of one row of an extract (DATA-CONTRACT.md): region code, year, item code, number,
 * unit, range and status. Cross-row rules (duplicates) live in {@link CrossRowRules}.
 */
public class RowRules {

  private static final Messages WORDS = Messages.bundle("input");

  /**
   * A checked row: the value when it passed, and every finding. {@code earlierYear} is the year of
   * a row of the plan's region from before the years the plan uses: counted (EarlierYears) and
   * otherwise ignored.
   */
  public record Checked(
      StagedValue value, List<Finding> findings, String file, String region, Integer earlierYear) {

    /** A row counted for its region code, or not counted (region null). */
    public Checked(StagedValue value, List<Finding> findings, String file, String region) {
      this(value, findings, file, region, null);
    }

    /** A row of the plan's region, or one whose region code is not valid: staged if it passed. */
    public Checked(StagedValue value, List<Finding> findings) {
      this(
          value,
          findings,
          value == null ? null : value.file(),
          value == null ? null : value.region());
    }

    /** A row counted for its region code (the plan's own only when it passed the rules). */
    public boolean counted() {
      return region != null;
    }
  }

  /**
   * The unit conversions DATA-CONTRACT.md allows, exact: 1亿元 = 10 000万元 (the unit words are those a
   * plan uses, from {@code messages/plan-check.properties}), by "from→to".
   */
  private static final Map<String, BigDecimal> CONVERSIONS =
      Map.of(
          conversion("plan.unit.wan", "plan.unit.yi"),
          new BigDecimal("0.0001"),
          conversion("plan.unit.yi", "plan.unit.wan"),
          BigDecimal.valueOf(10_000));

  /** The status that marks a preliminary figure; empty or the final status marks a final one. */
  private static final String PRELIMINARY = WORDS.format("input.status.preliminary");

  private static final String FINAL = WORDS.format("input.status.final");

  /** A source that names this word marks a sample figure (the template's example rows). */
  private static final String SAMPLE = WORDS.format("input.source.sample");

  private final Plan plan;

  private final int firstYear;

  // Files whose missing unit column has been reported (at their first row that needs it).
  private final java.util.Set<String> unitColumnReported = new java.util.HashSet<>();

  public RowRules(Plan plan) {
    this.plan = plan;
    this.firstYear = firstYear(plan);
  }

  /**
   * The first year the plan uses: its base year, the previous period's base year when it declares
   * one (a previous-period table compares with it), or an earlier baseline year a catalogue row
   * names. Rows of earlier years are history: counted and ignored.
   */
  public static int firstYear(Plan plan) {
    Integer previous = plan.meta().previousBaseYear();
    int first =
        previous == null ? plan.meta().baseYear() : Math.min(previous, plan.meta().baseYear());
    for (var row : plan.rows()) {
      if (row.baselineYear() != null && row.baselineYear() < first) {
        first = row.baselineYear();
      }
    }
    return first;
  }

  /** The years an extract may hold, as the plan names them. */
  private String period() {
    var m = plan.meta();
    return m.previousBaseYear() == null
        ? WORDS.get(
            "input.period", "plan", m.shortTitle(), "base", m.baseYear(), "final", m.finalYear())
        : WORDS.get(
            "input.period.previous",
            "plan",
            m.shortTitle(),
            "base",
            m.baseYear(),
            "final",
            m.finalYear(),
            "previous",
            m.previousBaseYear());
  }

  private static String conversion(String from, String to) {
    Messages units = Messages.bundle("plan-check");
    return units.format(from) + "→" + units.format(to);
  }

  public Checked check(RawRow row) {
    String region = row.hasCells() ? row.cell(Columns.REGION).strip() : "";
    if (region.length() == 6
        && region.chars().allMatch(c -> c >= '0' && c <= '9')
        && !region.equals(plan.meta().regionCode())) {
      // Another district's row of a city-wide extract: counted, not checked. Its mistakes are
      // that district's to fix and stop only that district's publications (and a city run of N
      // districts does not check every row N times); only a broken record is reported here.
      return new Checked(null, List.copyOf(row.problems()), row.file(), region);
    }
    Checked c = rules(row);
    // A workbook's row: each finding names its cell's sheet and column letter (Sheet1!D).
    return row.refs().isEmpty()
        ? c
        : new Checked(
            c.value(),
            c.findings().stream().map(row::located).toList(),
            c.file(),
            c.region(),
            c.earlierYear());
  }

  private Checked rules(RawRow row) {
    List<Finding> findings = new ArrayList<>(row.problems());
    if (!row.hasCells()) {
      return new Checked(null, findings);
    }
    String file = row.file();
    long line = row.line();
    Integer earlier = earlierYear(row);
    if (earlier != null) {
      // A long series exported from the statistics database: the years before the plan's are
      // history, whatever else their rows hold.
      return new Checked(null, findings, file, plan.meta().regionCode(), earlier);
    }
    java.util.Set<String> tooLong = new java.util.HashSet<>();
    for (String column : Columns.ALL) {
      String cell = row.cell(column).strip();
      int max = Columns.MAX_LENGTH.get(column);
      if (cell.length() > max) {
        tooLong.add(column);
        findings.add(
            Finding.error(
                "E_TOO_LONG",
                file,
                line,
                column,
                Limits.shorten(cell, 20),
                WORDS.get(
                    "input.cell.long",
                    "column",
                    Columns.CHINESE.get(column),
                    "length",
                    cell.length(),
                    "max",
                    max),
                WORDS.get(
                    "input.cell.long.expected",
                    "column",
                    Columns.CHINESE.get(column),
                    "max",
                    max)));
      }
    }
    for (String column : List.of(Columns.SOURCE, Columns.NOTE)) {
      if (!tooLong.contains(column)) {
        TextRules.undrawable(
                file, line, column, Columns.CHINESE.get(column), row.cell(column).strip())
            .ifPresent(findings::add);
      }
    }
    String region = row.cell(Columns.REGION).strip();
    if (tooLong.contains(Columns.REGION)) {
      // reported above
    } else if (!region.matches("\\d{6}")) {
      findings.add(
          Finding.error(
              "E_REGION",
              file,
              line,
              Columns.REGION,
              region,
              WORDS.format("input.region.invalid"),
              WORDS.get("input.region.invalid.expected", "code", plan.meta().regionCode())));
    }
    String yearText = row.cell(Columns.YEAR).strip();
    Integer year = null;
    if (tooLong.contains(Columns.YEAR)) {
      // reported above
    } else if (yearText.matches("\\d{4}")
        && Integer.parseInt(yearText) >= 1949
        && Integer.parseInt(yearText) <= 2100) {
      year = Integer.valueOf(yearText);
      // A year before the plan's is ignored when the row is the plan's region's (see check), and
      // only reaches here with an invalid region code, which is reported.
      if (year > plan.meta().finalYear()) {
        findings.add(
            Finding.error(
                "E_YEAR_PERIOD",
                file,
                line,
                Columns.YEAR,
                yearText,
                WORDS.get("input.year.period", "period", period()),
                WORDS.get(
                    "input.year.period.expected",
                    "first",
                    firstYear,
                    "last",
                    plan.meta().finalYear())));
      }
    } else {
      findings.add(
          Finding.error(
              "E_YEAR",
              file,
              line,
              Columns.YEAR,
              yearText,
              WORDS.format("input.year.invalid"),
              WORDS.format("input.year.invalid.expected")));
    }
    String code = row.cell(Columns.ITEM).strip();
    Optional<Item> item = plan.item(code);
    if (item.isEmpty() && !tooLong.contains(Columns.ITEM)) {
      findings.add(
          Finding.error(
              "E_ITEM",
              file,
              line,
              Columns.ITEM,
              code,
              WORDS.format("input.item.unknown"),
              WORDS.format("input.item.unknown.expected")));
    }
    String rawValue = row.cell(Columns.VALUE);
    NumberText.Parsed parsed =
        tooLong.contains(Columns.VALUE)
            ? new NumberText.Parsed(null, false, null, null)
            : item.isPresent() && item.get().statusWord()
                ? statusWord(rawValue)
                : NumberText.parse(rawValue);
    if (tooLong.contains(Columns.VALUE)) {
      // reported above
    } else if (parsed.isError() && item.isPresent() && item.get().statusWord()) {
      findings.add(
          Finding.error(
              "E_STATUS_WORD",
              file,
              line,
              Columns.VALUE,
              rawValue,
              parsed.error(),
              WORDS.get("input.status.word.expected", "words", ReportedStatus.expectedWords())));
    } else if (parsed.isError()) {
      findings.add(
          Finding.error(
              "E_NUMBER",
              file,
              line,
              Columns.VALUE,
              rawValue,
              parsed.error(),
              WORDS.format("input.number.expected")));
    } else if (parsed.warning() != null) {
      findings.add(
          Finding.warning(
              "W_NUMBER_NORMALISED",
              file,
              line,
              Columns.VALUE,
              rawValue,
              parsed.warning(),
              WORDS.format("input.number.normalised.expected")));
    }
    String unit = row.cell(Columns.UNIT).strip();
    BigDecimal value = parsed.value();
    boolean noUnitColumn = false;
    if (item.isPresent()) {
      String expectedUnit = item.get().unit();
      if (row.unitColumnMissing() != null && !expectedUnit.isEmpty()) {
        // The file has no unit column and this item has a unit: the header's error, said once
        // per file; the row is not staged either way.
        noUnitColumn = true;
        if (unitColumnReported.add(file)) {
          findings.add(row.unitColumnMissing());
        }
      } else if (!unit.equals(expectedUnit)) {
        BigDecimal factor = CONVERSIONS.get(unit + "→" + expectedUnit);
        if (factor != null) {
          value = value == null ? null : value.multiply(factor);
          findings.add(
              Finding.warning(
                  "W_UNIT_CONVERTED",
                  file,
                  line,
                  Columns.UNIT,
                  unit,
                  WORDS.get("input.unit.converted", "from", unit, "to", expectedUnit),
                  expectedUnit));
        } else {
          findings.add(
              Finding.error(
                  "E_UNIT",
                  file,
                  line,
                  Columns.UNIT,
                  unit,
                  WORDS.format("input.unit.wrong"),
                  expectedUnit.isEmpty()
                      ? Wording.zh().get("input.unit.none", "item", item.get().name())
                      : expectedUnit));
        }
      }
      String rangeProblem = value == null ? null : rangeProblem(item.get(), value);
      if (rangeProblem != null) {
        findings.add(
            Finding.error(
                "E_RANGE",
                file,
                line,
                Columns.VALUE,
                rawValue,
                rangeProblem,
                item.get().expectedRange()));
      }
    }
    String status = row.cell(Columns.STATUS).strip();
    if (!(status.isEmpty() || status.equals(FINAL) || status.equals(PRELIMINARY))) {
      findings.add(
          Finding.error(
              "E_STATUS",
              file,
              line,
              Columns.STATUS,
              status,
              WORDS.format("input.status.invalid"),
              WORDS.get("input.status.expected", "final", FINAL, "preliminary", PRELIMINARY)));
    }
    if (noUnitColumn || findings.stream().anyMatch(Finding::isError)) {
      return new Checked(null, findings);
    }
    String source = row.cell(Columns.SOURCE).strip();
    StagedValue staged =
        new StagedValue(
            file,
            line,
            region,
            year,
            code,
            value,
            rawValue.strip(),
            status.equals(PRELIMINARY),
            source.contains(SAMPLE),
            source,
            row.cell(Columns.NOTE).strip());
    return new Checked(staged, findings);
  }

  /** The year of a row of the plan's region from before the years the plan uses, else null. */
  private Integer earlierYear(RawRow row) {
    String yearText = row.cell(Columns.YEAR).strip();
    if (!row.cell(Columns.REGION).strip().equals(plan.meta().regionCode())
        || !yearText.matches("\\d{4}")) {
      return null;
    }
    int year = Integer.parseInt(yearText);
    return year >= 1949 && year < firstYear ? year : null;
  }

  // A status item's value is a progress word, staged as its code; "not available" as for numbers.
  private static NumberText.Parsed statusWord(String raw) {
    NumberText.Parsed missing = NumberText.parse(raw);
    if (missing.notAvailable()) {
      return missing;
    }
    return ReportedStatus.fromLabel(raw)
        .map(s -> new NumberText.Parsed(s.code(), false, null, null))
        .orElseGet(
            () -> new NumberText.Parsed(null, false, null, WORDS.format("input.status.word")));
  }

  private static String rangeProblem(Item item, BigDecimal value) {
    if (!item.inRange(value)) {
      return WORDS.get("input.range", "item", item.name());
    }
    if (item.wholeNumber() && value.stripTrailingZeros().scale() > 0) {
      return WORDS.get("input.range.whole", "item", item.name());
    }
    return null;
  }
}
