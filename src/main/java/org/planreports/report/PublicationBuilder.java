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
    boolean evaluation =
        key.type() == PublicationType.MIDTERM || key.type() == PublicationType.FINAL;
    String title = t + "年" + m.regionName() + m.shortTitle() + key.type().title();
    Context ctx = new Context();
    List<Section> sections = new ArrayList<>();
    Map<String, byte[]> companions = new LinkedHashMap<>();

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
    Numbering n = new Numbering();
    Map<String, Integer> tableNumbers = new LinkedHashMap<>();
    int nextTable = 1;
    if (evaluation) {
      tableNumbers.put(TABLE1, nextTable++);
    }
    for (String table : assessTables) {
      tableNumbers.put(table, nextTable++);
    }

    if (evaluation) {
      sections.add(cover(key));
    }
    Section summary = summary(key, title, n.next("评估概要", "总体情况", evaluation), assessed);
    List<Section> body = new ArrayList<>();
    body.add(summary);
    if (evaluation) {
      body.add(table1(ctx, tableNumbers.get(TABLE1)).withHeading(n.next(m.table1Title())));
      companions.put("table1.csv", table1Csv());
    }
    for (Map.Entry<String, List<AssessedRow>> e : assessed.entrySet()) {
      String table = e.getKey();
      Section s = assessmentTable(ctx, key, table, tableNumbers.get(table), e.getValue());
      body.add(s.withHeading(n.next(sectionTitle(table, key.type()))));
      companions.put(csvName(table), assessmentCsv(table, t, e.getValue()));
    }
    if (evaluation) {
      body.add(charts(key, assessed.get(TABLE2), n.next("主要指标变化趋势")));
      body.add(methodology(evaluation ? "附录一" : "附录"));
    }
    body.add(provenance(ctx, evaluation ? "附录二" : "附录"));
    if (evaluation) {
      sections.add(contents(body));
    }
    sections.addAll(body);
    String vintage = "数据截至" + t + "年";
    return new PublicationContent(
        key,
        title,
        m.title() + " " + key.type().title(),
        String.join("，", m.regionName(), m.shortTitle(), key.type().title(), String.valueOf(t)),
        m.publisher(),
        vintage,
        ctx.sample,
        LocalDate.of(t, 12, 31),
        sections,
        companions);
  }

  /** Section headings 一、二、… in document order. */
  private static final class Numbering {
    private static final String DIGITS = "一二三四五六七八九十";
    private int n;

    String next(String title) {
      return DIGITS.charAt(n++) + "、" + title;
    }

    String next(String evaluationTitle, String bulletinTitle, boolean evaluation) {
      return next(evaluation ? evaluationTitle : bulletinTitle);
    }
  }

  private String sectionTitle(String table, PublicationType type) {
    return switch (table) {
      case TABLE2 -> plan.meta().table2Title() + (type == PublicationType.ANNUAL ? "监测情况" : "评估");
      case ZONE -> {
        List<Integer> years =
            plan.rows(ZONE).stream()
                .filter(r -> r.kind() != Kind.MILESTONE)
                .map(CatalogueRow::targetYear)
                .distinct()
                .toList();
        yield "高新区创建主要指标"
            + (type == PublicationType.ZONE || years.size() != 1
                ? ""
                : "（" + years.get(0) + "年目标）");
      }
      default -> "其他量化目标";
    };
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

  private Section cover(PublicationKey key) {
    PlanMeta m = plan.meta();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("TITLE", m.regionName() + m.shortTitle() + "\n" + key.type().title());
    p.put("PLAN", "《" + m.title() + "》（" + m.document() + "）");
    p.put("PUBLISHER", m.publisher());
    p.put("VINTAGE", "数据截至" + key.year() + "年");
    return new Section("cover", "封面", p, List.of());
  }

  /** 目录: one row per later section; the renderer fills in each section's first page. */
  private static Section contents(List<Section> body) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Section s : body) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("title", s.bookmark());
      row.put("target", s.bookmark());
      row.put("page", null);
      rows.add(row);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(Section.HEADING, "目  录");
    return new Section("contents", "目录", p, rows);
  }

  private Section summary(
      PublicationKey key, String title, String heading, Map<String, List<AssessedRow>> assessed) {
    PlanMeta m = plan.meta();
    List<Map<String, Object>> paras = new ArrayList<>();
    int t = key.year();
    boolean fin = key.type() == PublicationType.FINAL;
    for (Map.Entry<String, List<AssessedRow>> e : assessed.entrySet()) {
      List<Assessment> as = e.getValue().stream().map(AssessedRow::assessment).toList();
      Summary s = Assessor.summarize(as);
      StringBuilder sb = new StringBuilder();
      sb.append(tableLabel(e.getKey()))
          .append("所列")
          .append(as.size())
          .append("项指标，按")
          .append(t)
          .append("年数据")
          .append(fin ? "总结评估" : key.type() == PublicationType.MIDTERM ? "中期评估" : "监测")
          .append("：");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<Status, Integer> c : s.counts().entrySet()) {
        parts.add(c.getKey().label() + c.getValue() + "项");
      }
      sb.append(String.join("，", parts)).append("。");
      sb.append(s.withData() == 0 ? "各项指标均无数据，不计算指标完成率" : "指标完成率为")
          .append(
              s.withData() == 0
                  ? ""
                  : Fmt.pct1(s.completionRatePct())
                      + "%（"
                      + (fin ? "完成" : "已完成")
                      + s.met()
                      + "项，有数据"
                      + s.withData()
                      + "项）")
          .append("。");
      if (key.type() == PublicationType.MIDTERM) {
        long can = as.stream().filter(a -> Boolean.TRUE.equals(a.projectionMet())).count();
        long cannot = as.stream().filter(a -> Boolean.FALSE.equals(a.projectionMet())).count();
        if (can + cannot > 0) {
          sb.append("按基期以来的年均增速推算，预计到目标年份可完成")
              .append(can)
              .append("项，难以完成")
              .append(cannot)
              .append("项。");
        }
      }
      paras.add(paragraph(sb.toString()));
      if (!fin) {
        List<String> warnings =
            e.getValue().stream()
                .filter(r -> r.assessment().warning())
                .map(r -> stripUnit(r.row().printedName()))
                .toList();
        if (!warnings.isEmpty()) {
          paras.add(
              paragraph(
                  (key.type() == PublicationType.MIDTERM ? "需重点关注的指标" : "预警指标")
                      + "（滞后于时序进度或更差，或预计难以完成）："
                      + String.join("、", warnings)
                      + "。"));
        }
      } else {
        List<String> unmet =
            e.getValue().stream()
                .filter(r -> r.assessment().status() == Status.NOT_ACHIEVED)
                .map(r -> stripUnit(r.row().printedName()))
                .toList();
        if (!unmet.isEmpty()) {
          paras.add(paragraph("未完成的指标：" + String.join("、", unmet) + "。"));
        }
      }
    }
    boolean report = key.type() == PublicationType.MIDTERM || fin;
    paras.add(
        paragraph(
            (report ? "评估方法见附录一；" : "完成进度、时序进度和评估结论的计算方法见表注；")
                + "表中每个数字的来源文件、行号和计算公式见"
                + (report ? "附录二" : "附录")
                + "，全部数字另以CSV文件随本"
                + (report ? "报告" : "公报")
                + "发布。"));
    Map<String, Object> p = new LinkedHashMap<>();
    if (key.type() == PublicationType.ANNUAL || key.type() == PublicationType.ZONE) {
      // A bulletin has no cover page: its first page opens with the title block.
      p.put("TITLE", title);
      p.put("SUBTITLE", m.publisher() + "    数据截至" + t + "年");
    }
    return new Section("text", heading, p, paras).withHeading(heading);
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
        ctx.use("表" + number + " 序号" + r.seq() + " " + m.baseYear() + "年", after);
      }
      if (before != null) {
        ctx.use("表" + number + " 序号" + r.seq() + " " + m.previousBaseYear() + "年", before);
      }
      putSplit(row, "change", change);
      rows.add(row);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("CAPTION", "表" + number + "  " + m.regionName() + m.table1Title());
    p.put("H_V1", m.previousBaseYear() + "年\n指标值");
    p.put("H_V2", m.baseYear() + "年\n指标值");
    p.put(
        "NOTES",
        numberedNotes(
            List.of(
                "变化情况为" + m.baseYear() + "年值减" + m.previousBaseYear() + "年值，百分比指标的变化为百分点。",
                "“-”表示该年无数据，计算变化时按0计，与规划表1的印法一致。")));
    p.put("SOURCE", sourceLine(ctx));
    return new Section("table1", (String) p.get("CAPTION"), p, rows);
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
    boolean fin = key.type() == PublicationType.FINAL;
    List<Map<String, Object>> out = new ArrayList<>();
    Map<String, List<Integer>> notes = new LinkedHashMap<>();
    Set<String> units = new LinkedHashSet<>();
    boolean anyChange = false;
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
      putSplit(
          row, "completion", a.completionPct() == null ? "—" : Fmt.pct1(a.completionPct()) + "%");
      if (fin) {
        String change = changeText(r, a);
        anyChange |= !change.equals("—");
        putSplit(row, "c9", change);
        if (r.kind() == Kind.GROWTH && a.value() != null && !ar.used().isEmpty()) {
          IndicatorValue last = ar.used().get(ar.used().size() - 1);
          addNote(
              notes,
              "研发经费支出由"
                  + a.baselineYear()
                  + "年"
                  + Fmt.num(a.baseline(), 2)
                  + "亿元增至"
                  + last.year()
                  + "年"
                  + Fmt.num(last.value(), 2)
                  + "亿元，年均增长"
                  + Fmt.num(a.value(), r.decimals())
                  + "%；"
                  + a.singleYearGrowths().size()
                  + "个单年增速中有"
                  + a.singleYearsMet()
                  + "个达到目标增速。",
              r.seq());
        }
      } else {
        putSplit(
            row, "c9", a.timeProgressPct() == null ? "—" : Fmt.pct1(a.timeProgressPct()) + "%");
      }
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
        ctx.use(tableRef(table, number) + " 序号" + r.seq() + " " + v.year() + "年", v);
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
    noteLines.add(
        "完成进度 = ("
            + t
            + "年值 - 基期值) ÷ (目标值 - 基期值)"
            + (fin ? "" : "；时序进度 = (评估年份 - 基期年份) ÷ (目标年份 - 基期年份)")
            + "；评估结论按"
            + (key.type() == PublicationType.MIDTERM || fin ? "附录一" : "规划监测评估方法")
            + "判定。");
    if (fin && anyChange) {
      noteLines.add("变化量为" + t + "年值减基期值，百分比指标的变化量为百分点。");
    }
    noteLines.add("“—”表示不适用，“…”表示暂无数据。");
    if (planTable) {
      noteLines.add("指标名称、" + m.baseYear() + "年现状值、" + m.finalYear() + "年目标值、年均与指标属性照录规划表2。");
    } else if (table.equals(ZONE)) {
      noteLines.add("目标值照录规划专栏1" + targetYears(rows) + "。");
    } else {
      noteLines.add("目标值见规划正文相应段落" + targetYears(rows) + "；累计类指标为规划期逐年累计数。");
    }
    Map<String, Object> p = new LinkedHashMap<>();
    String caption =
        switch (table) {
          case TABLE2 ->
              "表"
                  + number
                  + "  "
                  + m.regionName()
                  + m.table2Title()
                  + (key.type() == PublicationType.ANNUAL ? "监测情况" : "评估")
                  + (number == 2 ? "" : "（规划表2）");
          case ZONE -> "表" + number + "  高新技术产业开发区创建主要指标（规划专栏1）";
          default -> "表" + number + "  规划正文其他量化目标";
        };
    p.put("CAPTION", caption);
    p.put("UNIT", units.size() == 1 ? "单位：" + units.iterator().next() : "");
    p.put("H_BASE", planTable ? m.baseYear() + "年\n现状值" : "基期值");
    p.put("H_TARGET", planTable ? m.finalYear() + "年\n目标值" : "目标值");
    p.put("H_ANNUAL", planTable ? "年均" : "目标\n年份");
    p.put("H_VALUE", t + "年值");
    p.put("H_C9", fin ? "较基期\n变化" : "时序进度");
    p.put("NOTES", numberedNotes(noteLines));
    p.put("SOURCE", sourceLine(ctx));
    return new Section("assessment-table", caption, p, out);
  }

  private static String tableRef(String table, int number) {
    return "表" + number;
  }

  /** x − B at the row's precision, ↑/↓ as in 表1; "—" where there is no level to compare. */
  private static String changeText(CatalogueRow r, Assessment a) {
    if (r.kind() == Kind.GROWTH || r.kind() == Kind.MILESTONE) {
      return "—";
    }
    if (a.value() == null || a.baseline() == null) {
      return "—";
    }
    return Fmt.change(a.value().subtract(a.baseline()), r.decimals());
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

  /** "，均为2023年目标；“…”为力争2026年实现的节点目标", from the rows' own target years. */
  private static String targetYears(List<AssessedRow> rows) {
    List<Integer> years =
        rows.stream()
            .filter(r -> r.row().kind() != Kind.MILESTONE)
            .map(r -> r.row().targetYear())
            .distinct()
            .sorted()
            .toList();
    StringBuilder sb = new StringBuilder();
    if (years.size() == 1) {
      sb.append("，均为").append(years.get(0)).append("年目标");
    }
    for (AssessedRow r : rows) {
      if (r.row().kind() == Kind.MILESTONE
          && (years.size() != 1 || !years.contains(r.row().targetYear()))) {
        sb.append("；“")
            .append(stripUnit(r.row().printedName()))
            .append("”为力争")
            .append(r.row().targetYear())
            .append("年实现的节点目标");
      }
    }
    return sb.toString();
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

  private Section provenance(Context ctx, String appendix) {
    List<Map<String, Object>> rows = new ArrayList<>(ctx.provenance);
    Map<String, Object> p = new LinkedHashMap<>();
    StringBuilder files = new StringBuilder();
    int i = 0;
    for (InputFile f : inputs) {
      if (ctx.files.contains(f.name())) {
        files
            .append(i++ == 0 ? "" : "\n")
            .append(f.name())
            .append("    SHA-256：")
            .append(f.sha256());
      }
    }
    p.put("CAPTION", "附表  数字来源");
    p.put("UNIT", "");
    p.put(
        "NOTES",
        numberedNotes(
            List.of(
                "“数字”列为所在表格、序号和年份；“统计项 = 原值”为输入文件该行的统计项代码及其原始取值。",
                "各输入文件的SHA-256校验值如下，可据以核对所用文件未被改动：")));
    p.put("FILES", files.toString());
    p.put("SOURCE", "表中每个数字均可按文件名、行号、统计项代码在输入文件中找到，并按所列公式复算。");
    return new Section("provenance", "", p, rows).withHeading(appendix + "  数据来源与溯源");
  }

  /** 评估方法说明 (src/main/resources/methodology/methodology-zh.md) as heading/paragraph/bullet rows. */
  private static Section methodology(String appendix) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<String> lines = methodologyLines();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      if (line.startsWith("- ")) {
        row.put("kind", "li");
        row.put("text", line.substring(2).strip());
      } else if (line.matches("^[一二三四五六七八九十]+、.*") && line.length() < 30) {
        row.put("kind", "h");
        row.put("text", line.strip());
      } else {
        row.put("kind", "p");
        row.put("text", line.strip());
      }
      rows.add(row);
    }
    return new Section("text", "", Map.of(), rows)
        .withHeading(appendix + "  " + lines.get(0).strip());
  }

  static List<String> methodologyLines() {
    try (java.io.InputStream in =
        PublicationBuilder.class.getResourceAsStream("/methodology/methodology-zh.md")) {
      if (in == null) {
        throw new IllegalStateException("methodology/methodology-zh.md is not on the classpath");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .lines()
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * One trend chart per 表2 indicator: values from the base year to t, the target in its year and
   * the path that reaches it — a straight line from the baseline, or for GROWTH the level of E
   * growing at the target rate.
   */
  private Section charts(PublicationKey key, List<AssessedRow> rows, String heading) {
    List<Map<String, Object>> out = new ArrayList<>();
    PlanMeta m = plan.meta();
    int figure = 1;
    for (AssessedRow ar : rows) {
      CatalogueRow r = ar.row();
      Assessment a = ar.assessment();
      String name = stripUnit(r.printedName());
      String unit = r.indicator().unit();
      List<TrendChart.Point> values = new ArrayList<>();
      for (IndicatorValue v : ar.used()) {
        values.add(
            TrendChart.point(
                v.year(), v.value().setScale(r.decimals(), java.math.RoundingMode.HALF_UP)));
      }
      TrendChart.Point target = null;
      List<TrendChart.Point> path = new ArrayList<>();
      String title = name;
      if (r.kind() == Kind.GROWTH) {
        // E itself, in its own unit; the target is the level ≥10 %/yr reaches by the final year.
        title = "全社会研发经费支出";
        values.clear();
        for (IndicatorValue v : ar.used()) {
          values.add(
              TrendChart.point(v.year(), v.value().setScale(2, java.math.RoundingMode.HALF_UP)));
        }
        if (a.baseline() != null) {
          double g = r.targetValue().doubleValue() / 100.0;
          for (int y = a.baselineYear(); y <= r.targetYear(); y++) {
            path.add(
                new TrendChart.Point(
                    y,
                    round(a.baseline().doubleValue() * Math.pow(1 + g, y - a.baselineYear()), 2)));
          }
          target = path.get(path.size() - 1);
        }
      } else {
        target = new TrendChart.Point(r.targetYear(), r.targetValue().doubleValue());
        if (a.baseline() != null && a.baselineYear() != null) {
          path.add(new TrendChart.Point(a.baselineYear(), a.baseline().doubleValue()));
          path.add(target);
        }
      }
      if (values.isEmpty()) {
        continue;
      }
      TrendChart chart = TrendChart.of(title, unit, values, target, path).withoutDrawnTitle();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("chart", chart);
      row.put("alt", chart.altText());
      row.put(
          "caption",
          "图" + figure++ + "  " + title + (r.kind() == Kind.GROWTH ? "（目标：年均增长≥10%）" : ""));
      out.add(row);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "NOTES",
        numberedNotes(
            List.of(
                "图中实线为"
                    + m.baseYear()
                    + "年至"
                    + key.year()
                    + "年的实际值，菱形为目标值，虚线为达标所需路径：自基期值匀速变化至目标年份的目标值；"
                    + "研发经费按自基期起年均增长10%推算。",
                "数值按各指标的显示精度四舍五入；图号按规划表2的指标顺序排列。")));
    return new Section("charts", heading, p, out).withHeading(heading);
  }

  private static double round(double v, int decimals) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(decimals, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }
}
