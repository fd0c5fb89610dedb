package org.planreports.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planreports.assessment.AssessedRow;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorValue;
import org.planreports.indicator.Source;
import org.planreports.ingest.InputFile;
import org.planreports.plan.Plan;
import org.planreports.plan.PlanMeta;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.planreports.plan.TableSpec;

/**
 * One publication while its sections are built: the plan, the key, the wording, the tables it
 * carries with their numbers in this publication and their assessed rows, and every input figure
 * the sections have printed so far (for the sources line, the sample watermark and the provenance
 * appendix).
 */
final class Draft {

  /** One printed figure and the value it came from. */
  record Use(String figure, IndicatorValue value) {}

  final Plan plan;
  final PlanMeta meta;
  final PublicationKey key;
  final Wording w;
  final List<InputFile> inputs;
  final String publication;
  final Map<String, Integer> numbers = new LinkedHashMap<>();
  final Map<TableSpec, List<AssessedRow>> assessed = new LinkedHashMap<>();
  final List<TableSpec> history = new ArrayList<>();
  final List<Use> uses = new ArrayList<>();

  /**
   * The figures the tables print, by indicator and year ({@code CODE:YEAR} → the cell as printed,
   * without unit): what a {@code {{CODE:YEAR}}} of the office's commentary resolves to. The first
   * table to print a figure gives its text.
   */
  final Map<String, String> printed = new LinkedHashMap<>();

  /** The office's commentary as composed, one canonical line per block (see PrintedFigures). */
  final List<String> commentary = new ArrayList<>();

  /** Each chart's series as {@link PrintedFigures} records them. */
  final List<String> charts = new ArrayList<>();

  Draft(Plan plan, PublicationKey key, Wording w, List<InputFile> inputs) {
    this.plan = plan;
    this.meta = plan.meta();
    this.key = key;
    this.w = w;
    this.inputs = List.copyOf(inputs);
    this.publication = PublicationPlanner.title(plan, key.type(), w);
  }

  int year() {
    return key.year();
  }

  PublicationType type() {
    return key.type();
  }

  boolean evaluation() {
    return key.type().isEvaluation();
  }

  boolean isFinal() {
    return key.type().equals(PublicationType.FINAL);
  }

  boolean isMidterm() {
    return key.type().equals(PublicationType.MIDTERM);
  }

  String title() {
    return w.get(
        "doc.title",
        "year",
        year(),
        "region",
        meta.regionName(),
        "short",
        meta.shortTitle(),
        "publication",
        publication);
  }

  /** 表N as this publication numbers the table. */
  String ref(TableSpec table) {
    return w.get("table.ref", "n", numbers.get(table.name()));
  }

  /** How the plan's own name of a table reads beside this publication's number: （规划表N）. */
  String planRef(TableSpec table) {
    return table.origin() == TableSpec.Origin.PLAN && !ref(table).equals(table.name())
        ? w.get("table.caption.plan-ref", "table", table.name())
        : "";
  }

  String stageWord() {
    return w.get("stage." + key.type().stage().name().toLowerCase(java.util.Locale.ROOT));
  }

  String methodAppendix() {
    return w.get("appendix.one");
  }

  String provenanceAppendix() {
    return evaluation() ? w.get("appendix.two") : w.get("appendix.only");
  }

  boolean sample() {
    return uses.stream().anyMatch(u -> u.value().sample());
  }

  /** Records that a table prints an indicator's figure for a year, as {@code text}. */
  void printed(String indicator, int year, String text) {
    printed.putIfAbsent(indicator + ":" + year, text);
  }

  /** Records a printed figure and returns the index of its first use, for a section's sources. */
  int use(String figure, IndicatorValue value) {
    uses.add(new Use(figure, value));
    return uses.size() - 1;
  }

  /** 资料来源：… from the 数据来源 of every input figure used since {@code from}. */
  String sourceLine(int from) {
    Set<String> sources = new LinkedHashSet<>();
    for (Use u : uses.subList(from, uses.size())) {
      for (Source s : u.value().sources()) {
        if (s.origin() != null && !s.origin().isBlank()) {
          sources.add(s.origin().strip());
        }
      }
    }
    return w.get(
        "table.source",
        "sources",
        sources.isEmpty()
            ? w.get("table.source.none")
            : String.join(w.get("table.source.sep"), sources));
  }

  String numberedNotes(List<String> notes) {
    StringBuilder sb = new StringBuilder(w.get("notes.head"));
    for (int i = 0; i < notes.size(); i++) {
      if (i > 0) {
        sb.append('\n').append("    ");
      }
      sb.append(w.get("notes.item", "n", i + 1, "text", notes.get(i)));
    }
    return sb.toString();
  }

  static String stripUnit(String printedName) {
    int i = printedName.indexOf(Wording.zh().get("name.unit.open"));
    return i > 0 ? printedName.substring(0, i) : printedName;
  }

  static Map<String, Object> paragraph(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", text);
    return m;
  }

  /**
   * Puts a printed cell as a template prints it: a number split at its decimal point ({field}_i,
   * {field}_f) so the column aligns on it, any other text whole in {field}_w, never clipped.
   */
  static void cell(Map<String, Object> row, String field, String printed) {
    split(row, field, printed, "[<>≥≤↑↓]?-?[0-9]+(\\.[0-9]+)?%?|[—…-]");
  }

  /**
   * {@link #cell} for text the plan words (its targets and baselines): only a short bare number is
   * split, at most two decimals and no unit, which fits the narrowest integer and fraction parts of
   * the templates (a "%" or a third decimal in the fraction part would be clipped: "13.67%" printed
   * "13."); anything else prints whole.
   */
  static void wordedCell(Map<String, Object> row, String field, String printed) {
    split(row, field, printed, "[<>≥≤]?-?[0-9]{1,5}(\\.[0-9]{1,2})?|[—…-]");
  }

  private static void split(
      Map<String, Object> row, String field, String printed, String splittable) {
    if (printed != null && !printed.matches(splittable)) {
      row.put(field + "_i", "");
      row.put(field + "_f", "");
      row.put(field + "_w", printed);
      return;
    }
    String[] parts = Fmt.splitDecimal(printed);
    row.put(field + "_i", parts[0]);
    row.put(field + "_f", parts[1]);
    row.put(field + "_w", null);
  }
}
