package org.planreports.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.TableAssessor;
import org.planreports.core.Wording;
import org.planreports.indicator.IndicatorDeriver;
import org.planreports.ingest.Commentary;
import org.planreports.ingest.InputFile;
import org.planreports.plan.CommentaryPlacement;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.TableSpec;

/**
 * Composes one publication from the plan bundle and the derived values: the planner says which
 * tables it carries, the assessment rates their rows, and the section builders turn them into
 * sections and companion CSVs, in the order REPORTS.md gives. Pure: no Spring, no I/O.
 */
public final class PublicationComposer {

  private final Plan plan;
  private final IndicatorDeriver.Result data;
  private final List<InputFile> inputs;
  private final Wording w = Wording.zh();
  private final Function<PublicationKey, Optional<Commentary>> commentary;

  public PublicationComposer(Plan plan, IndicatorDeriver.Result data, List<InputFile> inputs) {
    this(plan, data, inputs, key -> Optional.empty());
  }

  private PublicationComposer(
      Plan plan,
      IndicatorDeriver.Result data,
      List<InputFile> inputs,
      Function<PublicationKey, Optional<Commentary>> commentary) {
    this.plan = plan;
    this.data = data;
    this.inputs = List.copyOf(inputs);
    this.commentary = commentary;
  }

  /**
   * This composer with the office's commentary of each publication (empty: none), as {@link
   * org.planreports.ingest.CommentaryFiles#read} gives it. A commentary with errors of its own is
   * not composed: check {@link Commentary#findings()} first.
   */
  public PublicationComposer withCommentary(
      Function<PublicationKey, Optional<Commentary>> commentary) {
    return new PublicationComposer(plan, data, inputs, commentary);
  }

  public PublicationContent compose(PublicationKey key) {
    return compose(key, assess(key));
  }

  /**
   * The assessed rows of each assessment table a publication carries (plan table name → rows), in
   * the order it prints them; what the assess step stages.
   */
  public Map<String, List<AssessedRow>> assess(PublicationKey key) {
    Map<String, List<AssessedRow>> assessed = new LinkedHashMap<>();
    for (TableSpec t : PublicationPlanner.tables(plan, key.type())) {
      if (!plan.isHistory(t)) {
        assessed.put(
            t.name(), TableAssessor.assess(plan, t.name(), data, key.year(), key.type().stage()));
      }
    }
    return assessed;
  }

  /** Composes a publication from its assessed rows, as {@link #assess} gives them. */
  public PublicationContent compose(PublicationKey key, Map<String, List<AssessedRow>> rows) {
    Draft d = new Draft(plan, key, w, inputs);
    int number = 1;
    for (TableSpec t : PublicationPlanner.tables(plan, key.type())) {
      if (plan.isHistory(t)) {
        d.history.add(t);
      } else {
        List<AssessedRow> assessed = rows.get(t.name());
        if (assessed == null) {
          throw new IllegalArgumentException(w.get("error.assessment.missing", "table", t.name()));
        }
        d.assessed.put(t, assessed);
      }
      d.numbers.put(t.name(), number++);
    }
    Map<String, byte[]> companions = new LinkedHashMap<>();
    Map<String, String> tableRefs = new LinkedHashMap<>();
    List<Section> body = new ArrayList<>();
    int[] n = {0};
    java.util.function.Function<String, String> numbered =
        title -> w.get("heading.numbered", "n", w.numeral(n[0]++), "title", title);
    body.add(
        SummarySection.build(
            d,
            numbered.apply(
                w.get(
                    d.evaluation() ? "summary.heading.evaluation" : "summary.heading.bulletin"))));
    for (TableSpec t : PublicationPlanner.tables(plan, key.type())) {
      tableRefs.put(t.name(), d.ref(t));
      AssessmentTableSection.Built built;
      String heading;
      if (d.history.contains(t)) {
        built = HistoryTableSection.build(d, t, data);
        heading = t.heading();
      } else {
        built = AssessmentTableSection.build(d, t, d.assessed.get(t));
        heading = AssessmentTableSection.heading(d, t, d.assessed.get(t));
      }
      body.add(built.section().withHeading(numbered.apply(heading)));
      companions.put(t.csv(), built.csv());
    }
    if (d.evaluation() && ChartSection.any(d)) {
      body.add(ChartSection.build(d, numbered.apply(w.get("charts.heading"))));
    }
    // The office's own sections: after the tables (and charts), then the preface before the
    // summary; built after the tables, whose figures they cite.
    List<CommentarySections.Placed> placed =
        commentary.apply(key).map(c -> CommentarySections.build(d, c)).orElse(List.of());
    for (CommentarySections.Placed p : placed) {
      if (p.slot() != CommentaryPlacement.Slot.BEFORE_SUMMARY) {
        body.add(p.section().withHeading(numbered.apply(p.heading())));
      }
    }
    List<Section> preface = new ArrayList<>();
    for (CommentarySections.Placed p : placed) {
      if (p.slot() == CommentaryPlacement.Slot.BEFORE_SUMMARY) {
        preface.add(p.section().withHeading(p.heading()));
      }
    }
    if (!preface.isEmpty() && !d.evaluation()) {
      // A bulletin's first page opens with its title block: above the preface, not the summary.
      Section summary = body.get(0);
      Map<String, Object> moved = new LinkedHashMap<>(preface.get(0).params());
      Map<String, Object> kept = new LinkedHashMap<>(summary.params());
      for (String param : List.of("TITLE", "SUBTITLE")) {
        moved.put(param, kept.remove(param));
      }
      preface.set(
          0,
          new Section(
              preface.get(0).template(), preface.get(0).bookmark(), moved, preface.get(0).rows()));
      body.set(0, new Section(summary.template(), summary.bookmark(), kept, summary.rows()));
    }
    body.addAll(0, preface);
    if (d.evaluation()) {
      body.add(
          MethodologySection.build(d, d.methodAppendix() + "  " + w.get("methodology.heading")));
    }
    body.add(
        ProvenanceSection.build(
            d,
            d.provenanceAppendix()
                + "  "
                + org.planreports.core.Messages.bundle("appendix").get("appendix.heading")));
    companions.put(ProvenanceCsv.FILE, ProvenanceCsv.of(d));
    List<Section> sections = new ArrayList<>();
    if (d.evaluation()) {
      sections.add(FrontMatter.cover(d));
      sections.add(FrontMatter.contents(d, body));
    }
    sections.addAll(body);
    return new PublicationContent(
        key,
        d.title(),
        w.get("doc.subject", "plan", plan.meta().title(), "publication", d.publication),
        String.join(
            w.get("list.sep"),
            plan.meta().regionName(),
            plan.meta().shortTitle(),
            d.publication,
            String.valueOf(key.year())),
        plan.meta().publisher(),
        w.get("doc.vintage", "year", key.year()),
        d.sample(),
        LocalDate.of(key.year(), 12, 31),
        sections,
        companions,
        tableRefs,
        PrintedFigures.of(d));
  }
}
