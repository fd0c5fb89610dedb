package org.planreports.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planreports.core.Finding;
import org.planreports.core.Limits;
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

  /** The unit conversions DATA-CONTRACT.md allows, exact: 1亿元 = 10 000万元. */
  private static final Map<String, BigDecimal> CONVERSIONS =
      Map.of("万元→亿元", new BigDecimal("0.0001"), "亿元→万元", BigDecimal.valueOf(10_000));

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
    return m.shortTitle()
        + "：基期"
        + m.baseYear()
        + "年，目标年"
        + m.finalYear()
        + "年"
        + (m.previousBaseYear() == null ? "" : "，上期基期" + m.previousBaseYear() + "年");
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
    return rules(row);
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
                Columns.CHINESE.get(column) + "有" + cell.length() + "个字符，超过长度上限" + max + "个字符",
                Columns.CHINESE.get(column) + "不超过" + max + "个字符"));
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
              "地区代码无效",
              "6位行政区划代码，如" + plan.meta().regionCode()));
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
                "年份不在规划期内（" + period() + "）",
                firstYear + "—" + plan.meta().finalYear() + "年"));
      }
    } else {
      findings.add(
          Finding.error("E_YEAR", file, line, Columns.YEAR, yearText, "年份无效", "4位年份，1949—2100"));
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
              "未知的统计项代码",
              "统计项代码表中的代码（见 template 命令生成的模板）"));
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
              ReportedStatus.EXPECTED_WORDS + "；缺失值填 -"));
    } else if (parsed.isError()) {
      findings.add(
          Finding.error(
              "E_NUMBER",
              file,
              line,
              Columns.VALUE,
              rawValue,
              parsed.error(),
              "半角数字，如 1.74；缺失值填 -"));
    } else if (parsed.warning() != null) {
      findings.add(
          Finding.warning(
              "W_NUMBER_NORMALISED",
              file,
              line,
              Columns.VALUE,
              rawValue,
              parsed.warning(),
              "半角数字"));
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
                  "单位" + unit + "已换算为" + expectedUnit,
                  expectedUnit));
        } else {
          findings.add(
              Finding.error(
                  "E_UNIT",
                  file,
                  line,
                  Columns.UNIT,
                  unit,
                  "单位与统计项不符",
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
    if (!(status.isEmpty() || status.equals("正式") || status.equals("初步"))) {
      findings.add(
          Finding.error("E_STATUS", file, line, Columns.STATUS, status, "数据状态无效", "正式 或 初步"));
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
            status.equals("初步"),
            source.contains("示例"),
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
        .orElseGet(() -> new NumberText.Parsed(null, false, null, "不是规定的进展情况用语"));
  }

  private static String rangeProblem(Item item, BigDecimal value) {
    if (!item.inRange(value)) {
      return "数值超出" + item.name() + "的取值范围";
    }
    if (item.wholeNumber() && value.stripTrailingZeros().scale() > 0) {
      return item.name() + "应为整数";
    }
    return null;
  }
}
