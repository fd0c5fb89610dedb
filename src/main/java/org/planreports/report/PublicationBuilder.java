package org.planreports.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.assessment.Assessor;
import org.planreports.assessment.Kind;
import org.planreports.assessment.Stage;
import org.planreports.assessment.Status;
import org.planreports.assessment.Summary;
import org.planreports.assessment.TableAssessor;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.ingest.InputFile;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanMeta;
import org.planreports.publication.PublicationKey;
import org.planreports.publication.PublicationType;

/**
 * Builds a publication's content from the plan catalogue and the derived indicator values: which
 * sections it has (REPORTS.md "The set"), every table row as the templates print it, the notes,
 * sources and summary, and the companion CSV of every table. Pure: no Spring, no I/O.
 */
public final class PublicationBuilder {

  static final String TABLE1 = "表1";
  static final String TABLE2 = "表2";
  static final String ZONE = "专栏1";
  static final String OTHER = "其他量化目标";

  private final Plan plan;
  private final IndicatorDeriver.Result data;
  private final List<InputFile> inputs;
  private final Map<String, String> sourcesByFile;

  /**
   * @param sourcesByFile the {@code source} column's text per input file, for the 资料来源 line
   */
  public PublicationBuilder(
      Plan plan,
      IndicatorDeriver.Result data,
      List<InputFile> inputs,
      Map<String, String> sourcesByFile) {
    this.plan = plan;
    this.data = data;
    this.inputs = List.copyOf(inputs);
    this.sourcesByFile = Map.copyOf(sourcesByFile);
  }

  /** The publications the data supports (OPERATIONS.md `run` default), in year order. */
  public static List<PublicationKey> supported(Plan plan, IndicatorDeriver.Result data) {
    PlanMeta m = plan.meta();
    Set<Integer> years = new java.util.TreeSet<>();
    Set<Integer> zoneYears = new java.util.TreeSet<>();
    Set<String> zoneIndicators =
        plan.rows(ZONE).stream().map(r -> r.indicator().code()).collect(Collectors.toSet());
    data.series()
        .forEach(
            (code, values) -> {
              for (int y : values.keySet()) {
                if (y > m.baseYear()) {
                  years.add(y);
                  if (zoneIndicators.contains(code)) {
                    zoneYears.add(y);
                  }
                }
              }
            });
    List<PublicationKey> keys = new ArrayList<>();
    for (int y : years) {
      keys.add(new PublicationKey(m.regionCode(), y, PublicationType.ANNUAL));
      if (y == m.midYear()) {
        keys.add(new PublicationKey(m.regionCode(), y, PublicationType.MIDTERM));
      }
      if (y == m.finalYear()) {
        keys.add(new PublicationKey(m.regionCode(), y, PublicationType.FINAL));
      }
      if (zoneYears.contains(y)) {
        keys.add(new PublicationKey(m.regionCode(), y, PublicationType.ZONE));
      }
    }
    return keys;
  }

  public PublicationContent build(PublicationKey key) {
    PlanMeta m = plan.meta();
    int t = key.year();
    Stage stage = key.type().stage();
    String title = t + "年" + m.regionName() + "科技创新“十四五”规划" + key.type().title();
    Context ctx = new Context();
    List<Section> sections = new ArrayList<>();
    Map<String, byte[]> companions = new LinkedHashMap<>();
    sections.add(cover(key, title));

    List<String> assessTables =
        switch (key.type()) {
          case ZONE -> List.of(ZONE);
          case ANNUAL -> List.of(TABLE2, OTHER);
          case MIDTERM, FINAL -> List.of(TABLE2, ZONE, OTHER);
        };
    Map<String, List<AssessedRow>> assessed = new LinkedHashMap<>();
    for (String table : assessTables) {
      assessed.put(table, TableAssessor.assess(plan, table, data, t, stage));
    }
    sections.add(summary(key, assessed));
    if (key.type() == PublicationType.MIDTERM || key.type() == PublicationType.FINAL) {
      sections.add(table1(ctx, 1));
      companions.put("table1.csv", table1Csv());
    }
    // 表2 keeps the plan's own number; the report's other tables are numbered after it.
    int next = 3;
    for (Map.Entry<String, List<AssessedRow>> e : assessed.entrySet()) {
      String table = e.getKey();
      int n = table.equals(TABLE2) ? 2 : next++;
      sections.add(assessmentTable(ctx, key, table, n, e.getValue()));
      companions.put(csvName(table), assessmentCsv(table, t, e.getValue()));
    }
    sections.add(provenance(ctx));
    String vintage = "数据截至" + t + "年";
    return new PublicationContent(
        key,
        title,
        m.title() + " " + key.type().title(),
        String.join("，", m.regionName(), "科技创新", "十四五", key.type().title(), String.valueOf(t)),
        m.publisher(),
        vintage,
        ctx.sample,
        LocalDate.of(t, 12, 31),
        sections,
        companions);
  }

  static String csvName(String table) {
    return switch (table) {
      case TABLE2 -> "table2.csv";
      case ZONE -> "zone-column1.csv";
      default -> "other-targets.csv";
    };
  }

  /** What a section has used so far: sample data, preliminary figures, provenance. */
  private static final class Context {
    boolean sample;
    final List<Map<String, Object>> provenance = new ArrayList<>();
    final Set<String> files = new LinkedHashSet<>();

    void use(String figure, IndicatorValue v) {
      sample |= v.sample();
      for (Source s : v.sources()) {
        files.add(s.file());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("figure", figure);
        row.put("file", s.file());
        row.put("line", String.valueOf(s.line()));
        row.put("item", s.item() + " = " + s.raw());
        row.put("formula", v.formula());
        provenance.add(row);
      }
    }
  }

  private Section cover(PublicationKey key, String title) {
    PlanMeta m = plan.meta();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("TITLE", title);
    p.put("PLAN", "《" + m.title() + "》（" + m.document() + "）");
    p.put("PUBLISHER", m.publisher());
    p.put("VINTAGE", "数据截至" + key.year() + "年");
    return new Section("cover", "封面", p, List.of());
  }

  private Section summary(PublicationKey key, Map<String, List<AssessedRow>> assessed) {
    List<Map<String, Object>> paras = new ArrayList<>();
    int t = key.year();
    for (Map.Entry<String, List<AssessedRow>> e : assessed.entrySet()) {
      List<Assessment> as = e.getValue().stream().map(AssessedRow::assessment).toList();
      Summary s = Assessor.summarize(as);
      StringBuilder sb = new StringBuilder();
      sb.append(tableLabel(e.getKey()))
          .append("所列")
          .append(as.size())
          .append("项指标，按")
          .append(t)
          .append("年数据评估：");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<Status, Integer> c : s.counts().entrySet()) {
        if (c.getValue() > 0) {
          parts.add(c.getKey().label() + c.getValue() + "项");
        }
      }
      sb.append(String.join("，", parts))
          .append("；指标完成率")
          .append(Fmt.pct1(s.completionRatePct()))
          .append("%（已完成指标数÷有数据的指标数")
          .append(s.withData())
          .append("项）。");
      paras.add(paragraph(sb.toString()));
      List<String> warnings =
          e.getValue().stream()
              .filter(r -> r.assessment().warning())
              .map(r -> stripUnit(r.row().printedName()))
              .toList();
      if (key.type().stage() == Stage.ANNUAL && !warnings.isEmpty()) {
        paras.add(paragraph("预警指标（滞后于时序进度或更差，或预计难以完成）：" + String.join("、", warnings) + "。"));
      }
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("HEADING", key.type() == PublicationType.ZONE ? "一、总体情况" : "一、评估概要");
    return new Section("text", (String) p.get("HEADING"), p, paras);
  }

  private static Map<String, Object> paragraph(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", text);
    return m;
  }

  private static String tableLabel(String table) {
    return switch (table) {
      case TABLE2 -> "规划表2";
      case ZONE -> "规划专栏1（高新区创建）";
      default -> "规划正文其他量化目标";
    };
  }

  static String stripUnit(String printedName) {
    int i = printedName.indexOf('（');
    return i > 0 ? printedName.substring(0, i) : printedName;
  }

  private Section table1(Context ctx, int number) {
    PlanMeta m = plan.meta();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CatalogueRow r : plan.rows(TABLE1)) {
      IndicatorValue before = value(r, m.previousBaseYear());
      IndicatorValue after = value(r, m.baseYear());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seq", String.valueOf(r.seq()));
      row.put("name", r.printedName());
      putSplit(row, "v1", before == null ? "-" : Fmt.num(before.value(), r.decimals()));
      putSplit(row, "v2", after == null ? "…" : Fmt.num(after.value(), r.decimals()));
      String change = "…";
      if (after != null) {
        // METRICS.md 表1: a missing 2015 value counts as 0, as the plan prints row 5 (↑259).
        BigDecimal b =
            before == null
                ? BigDecimal.ZERO
                : before.value().setScale(r.decimals(), java.math.RoundingMode.HALF_UP);
        change =
            Fmt.change(
                after.value().setScale(r.decimals(), java.math.RoundingMode.HALF_UP).subtract(b),
                r.decimals());
        ctx.use("表1 " + r.seq() + " " + m.baseYear() + "年", after);
      }
      if (before != null) {
        ctx.use("表1 " + r.seq() + " " + m.previousBaseYear() + "年", before);
      }
      row.put("change", change);
      rows.add(row);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("CAPTION", "表" + number + "  " + m.regionName() + "“十三五”科技创新主要发展指标完成情况");
    p.put("H_V1", m.previousBaseYear() + "年\n指标值");
    p.put("H_V2", m.baseYear() + "年\n指标值");
    p.put(
        "NOTES",
        numberedNotes(
            List.of(
                "变化情况为" + m.baseYear() + "年值减" + m.previousBaseYear() + "年值，百分比指标的变化为百分点。",
                "“-”表示该年无数据，计算变化时按0计，与规划表1的印法一致。")));
    p.put("SOURCE", sourceLine(ctx));
    return new Section("table1", "二、“十三五”发展指标完成情况", p, rows);
  }

  private IndicatorValue value(CatalogueRow r, int year) {
    return data.series().getOrDefault(r.indicator().code(), new TreeMap<>()).get(year);
  }

  private byte[] table1Csv() {
    PlanMeta m = plan.meta();
    List<List<CompanionCsv.Cell>> rows = new ArrayList<>();
    for (CatalogueRow r : plan.rows(TABLE1)) {
      IndicatorValue before = value(r, m.previousBaseYear());
      IndicatorValue after = value(r, m.baseYear());
      BigDecimal b =
          before == null
              ? BigDecimal.ZERO
              : before.value().setScale(r.decimals(), java.math.RoundingMode.HALF_UP);
      String delta =
          after == null
              ? ""
              : Fmt.num(
                  after.value().setScale(r.decimals(), java.math.RoundingMode.HALF_UP).subtract(b),
                  r.decimals());
      rows.add(
          List.of(
              CompanionCsv.Cell.text(TABLE1),
              CompanionCsv.Cell.number(String.valueOf(r.seq())),
              CompanionCsv.Cell.text(stripUnit(r.printedName())),
              CompanionCsv.Cell.text(r.indicator().unit()),
              CompanionCsv.Cell.number(String.valueOf(m.previousBaseYear())),
              CompanionCsv.Cell.number(before == null ? "" : Fmt.num(before.value(), r.decimals())),
              CompanionCsv.Cell.number(String.valueOf(m.baseYear())),
              CompanionCsv.Cell.number(after == null ? "" : Fmt.num(after.value(), r.decimals())),
              CompanionCsv.Cell.number(delta)));
    }
    return CompanionCsv.write(
        List.of(
            "table",
            "seq",
            "indicator",
            "unit",
            "year_from",
            "value_from",
            "year_to",
            "value_to",
            "change"),
        rows);
  }

  private Section assessmentTable(
      Context ctx, PublicationKey key, String table, int number, List<AssessedRow> rows) {
    PlanMeta m = plan.meta();
    int t = key.year();
    boolean planTable = table.equals(TABLE2);
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, List<Integer>> notes = new LinkedHashMap<>();
    Set<String> units = new LinkedHashSet<>();
    for (AssessedRow ar : rows) {
      CatalogueRow r = ar.row();
      Assessment a = ar.assessment();
      units.add(r.indicator().unit());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("seq", String.valueOf(r.seq()));
      row.put("name", r.printedName());
      String base = planTable ? nz(r.baselinePrinted()) : baselineText(r, a);
      putSplit(row, "base", base);
      putSplit(row, "target", planTable ? nz(r.targetPrinted()) : targetText(r));
      row.put("annual", planTable ? nz(r.annualPrinted()) : r.targetYear() + "年");
      row.put("attr", r.attribute().label());
      putSplit(row, "value", valueText(r, a));
      row.put("completion", a.completionPct() == null ? "—" : Fmt.pct1(a.completionPct()) + "%");
      row.put("tau", a.timeProgressPct() == null ? "—" : Fmt.pct1(a.timeProgressPct()) + "%");
      row.put("status", a.status().label());
      row.put("status_key", a.status().name());
      String projection = key.type() == PublicationType.MIDTERM ? a.projectionLabel() : null;
      row.put("projection", projection == null ? "" : projection);
      out.add(row);
      for (String n : a.notes()) {
        addNote(notes, n, r.seq());
      }
      if (r.note() != null) {
        addNote(notes, r.note() + "。", r.seq());
      }
      for (IndicatorValue v : ar.used()) {
        ctx.use(table + " " + r.seq() + " " + v.year() + "年", v);
      }
    }
    List<String> noteLines = new ArrayList<>();
    notes.forEach(
        (text, seqs) -> {
          String body = text.endsWith("。") ? text.substring(0, text.length() - 1) : text;
          noteLines.add(
              "序号"
                  + seqs.stream().map(String::valueOf).collect(Collectors.joining("、"))
                  + "："
                  + body
                  + "。");
        });
    noteLines.add("完成进度 = (" + t + "年值 − 基期值) ÷ (目标值 − 基期值)；时序进度 = 已过年数 ÷ 规划年数；评估结论按附录所列评估方法判定。");
    if (planTable) {
      noteLines.add("指标名称、" + m.baseYear() + "年现状值、目标值与指标属性照录规划表2。");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    String caption =
        switch (table) {
          case TABLE2 -> "表2  " + m.regionName() + "“十四五”科技发展主要指标评估";
          case ZONE -> "表" + number + "  高新技术产业开发区创建主要指标（规划专栏1）";
          default -> "表" + number + "  规划正文其他量化目标";
        };
    p.put("CAPTION", caption);
    p.put("UNIT", units.size() == 1 ? "单位：" + units.iterator().next() : "");
    p.put("H_BASE", planTable ? m.baseYear() + "年\n现状值" : "基期值");
    p.put("H_TARGET", planTable ? m.finalYear() + "年\n目标值" : "目标值");
    p.put("H_ANNUAL", planTable ? "年均" : "目标\n年份");
    p.put("H_VALUE", t + "年值");
    p.put("NOTES", numberedNotes(noteLines));
    p.put("SOURCE", sourceLine(ctx));
    String bookmark =
        switch (table) {
          case TABLE2 -> "“十四五”主要指标评估（表2）";
          case ZONE -> "高新区创建主要指标（专栏1）";
          default -> "其他量化目标";
        };
    return new Section("assessment-table", bookmark, p, out);
  }

  /** Targets of the text are worded ("600亿元以上"); the table shows them as comparator and value. */
  private static String targetText(CatalogueRow r) {
    if (r.kind() == Kind.MILESTONE) {
      return r.targetYear() + "年";
    }
    return r.comparator().symbol() + Fmt.plain(r.targetValue());
  }

  private static String baselineText(CatalogueRow r, Assessment a) {
    if (a.baseline() == null) {
      return "—";
    }
    return Fmt.num(a.baseline(), r.decimals());
  }

  private static String valueText(CatalogueRow r, Assessment a) {
    if (r.kind() == Kind.MILESTONE) {
      return a.value() == null ? "未实现" : a.value().toBigInteger() + "年";
    }
    if (a.value() == null) {
      return "…";
    }
    return Fmt.num(a.value(), r.decimals());
  }

  private static void addNote(Map<String, List<Integer>> notes, String text, int seq) {
    List<Integer> seqs = notes.computeIfAbsent(text, k -> new ArrayList<>());
    if (!seqs.contains(seq)) {
      seqs.add(seq);
    }
  }

  private static String nz(String s) {
    return s == null ? "—" : s;
  }

  private static void putSplit(Map<String, Object> row, String field, String printed) {
    String[] parts = Fmt.splitDecimal(printed);
    row.put(field + "_i", parts[0]);
    row.put(field + "_f", parts[1]);
  }

  static String numberedNotes(List<String> notes) {
    StringBuilder sb = new StringBuilder("注：");
    for (int i = 0; i < notes.size(); i++) {
      if (i > 0) {
        sb.append('\n').append("    ");
      }
      sb.append(i + 1).append("．").append(notes.get(i));
    }
    return sb.toString();
  }

  private String sourceLine(Context ctx) {
    Set<String> sources = new LinkedHashSet<>();
    for (String f : ctx.files) {
      String s = sourcesByFile.get(f);
      if (s != null && !s.isBlank()) {
        sources.add(s);
      }
    }
    return "资料来源：" + (sources.isEmpty() ? "—" : String.join("；", sources)) + "。";
  }

  private byte[] assessmentCsv(String table, int t, List<AssessedRow> rows) {
    List<List<CompanionCsv.Cell>> out = new ArrayList<>();
    for (AssessedRow ar : rows) {
      CatalogueRow r = ar.row();
      Assessment a = ar.assessment();
      boolean milestone = r.kind() == Kind.MILESTONE;
      out.add(
          List.of(
              CompanionCsv.Cell.text(table),
              CompanionCsv.Cell.number(String.valueOf(r.seq())),
              CompanionCsv.Cell.text(stripUnit(r.printedName())),
              CompanionCsv.Cell.text(r.kind() == Kind.GROWTH ? "%" : r.indicator().unit()),
              CompanionCsv.Cell.text(r.attribute().label()),
              CompanionCsv.Cell.number(
                  a.baselineYear() == null ? "" : String.valueOf(a.baselineYear())),
              CompanionCsv.Cell.number(
                  a.baseline() == null || milestone ? "" : Fmt.num(a.baseline(), r.decimals())),
              CompanionCsv.Cell.number(String.valueOf(r.targetYear())),
              CompanionCsv.Cell.text(r.comparator().symbol()),
              CompanionCsv.Cell.number(Fmt.plain(r.targetValue())),
              CompanionCsv.Cell.number(a.dataYear() == null ? "" : String.valueOf(a.dataYear())),
              CompanionCsv.Cell.number(
                  a.value() == null
                      ? ""
                      : (milestone
                          ? a.value().toBigInteger().toString()
                          : Fmt.num(a.value(), r.decimals()))),
              CompanionCsv.Cell.number(Fmt.pct1(a.timeProgressPct())),
              CompanionCsv.Cell.number(Fmt.pct1(a.completionPct())),
              CompanionCsv.Cell.number(Fmt.ratio2(a.scheduleRatio())),
              CompanionCsv.Cell.text(a.status().label()),
              CompanionCsv.Cell.number(
                  a.projection() == null ? "" : Fmt.num(a.projection(), r.decimals())),
              CompanionCsv.Cell.number(Fmt.pct1(a.requiredAnnualGrowthPct())),
              CompanionCsv.Cell.text(String.join("", a.notes()))));
    }
    return CompanionCsv.write(CompanionCsv.ASSESSMENT_COLUMNS, out);
  }

  private Section provenance(Context ctx) {
    List<Map<String, Object>> rows = new ArrayList<>(ctx.provenance);
    Map<String, Object> p = new LinkedHashMap<>();
    StringBuilder files = new StringBuilder();
    for (InputFile f : inputs) {
      if (ctx.files.contains(f.name())) {
        files.append(f.name()).append("  SHA-256 ").append(f.sha256()).append('\n');
      }
    }
    p.put("CAPTION", "附录  数据来源与溯源");
    p.put("UNIT", "");
    p.put("NOTES", "注：输入文件及其SHA-256校验值——\n" + files.toString().strip());
    p.put("SOURCE", "表中每个数字均可按文件名、行号、统计项代码在输入文件中找到，并按所列公式复算。");
    return new Section("provenance", "附录  数据来源与溯源", p, rows);
  }
}
