package org.planreports.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.planreports.core.Finding;
import org.planreports.core.Messages;
import org.planreports.ingest.Commentary;
import org.planreports.plan.CommentaryPlacement;
import org.planreports.plan.Indicator;

/**
 * The office's commentary of one publication as sections of it: each {@code #} section laid out by
 * the commentary template (its {@code ##} headings, paragraphs and list items), placed before the
 * summary or after the tables by the plan's {@link CommentaryPlacement}, every {@code
 * {{CODE:YEAR}}} replaced by the figure as this publication's tables print it, with the indicator's
 * unit. Built after the tables, whose printed figures ({@link Draft#printed}) it cites.
 */
final class CommentarySections {

  private static final Messages WORDS = Messages.bundle("commentary");

  /** The template that lays a commentary section out. */
  static final String TEMPLATE = "commentary";

  private CommentarySections() {}

  /** One section and where it goes; its heading is still the office's own words. */
  record Placed(CommentaryPlacement.Slot slot, String heading, Section section) {}

  /**
   * The sections in the order the publication prints them within each slot: named headings in the
   * placement's order, then the others in file order.
   *
   * @throws CommentaryException when a reference cannot be resolved (every such reference listed)
   */
  static List<Placed> build(Draft d, Commentary c) {
    if (c.hasErrors()) {
      throw new CommentaryException(c.findings().stream().filter(Finding::isError).toList());
    }
    CommentaryPlacement placement = d.plan.commentary();
    List<Finding> errors = new ArrayList<>();
    List<Placed> out = new ArrayList<>();
    for (Commentary.Section s : c.sections()) {
      CommentaryPlacement.Slot slot = placement.slot(s.heading());
      List<Map<String, Object>> rows = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      lines.add(PrintedFigures.line("commentary", slot.name(), s.heading()));
      int part = 0;
      for (Commentary.Block b : s.blocks()) {
        String text = resolve(d, c.file(), b, errors);
        Map<String, Object> row = new LinkedHashMap<>();
        switch (b.kind()) {
          case HEADING -> {
            part++;
            row.put("kind", "h");
          }
          case PARAGRAPH -> row.put("kind", "p");
          case ITEM -> {
            row.put("kind", "li");
            row.put("marker", b.marker());
          }
        }
        row.put("text", text);
        row.put("section", part);
        rows.add(row);
        lines.add(PrintedFigures.line("block", b.kind().name(), b.marker(), text));
      }
      d.commentary.addAll(lines);
      out.add(new Placed(slot, s.heading(), new Section(TEMPLATE, s.heading(), Map.of(), rows)));
    }
    if (!errors.isEmpty()) {
      throw new CommentaryException(errors);
    }
    List<Placed> sorted = new ArrayList<>(out);
    sorted.sort(
        Comparator.comparing((Placed p) -> p.slot())
            .thenComparing(
                p ->
                    p.slot() == CommentaryPlacement.Slot.OTHER
                        ? Integer.MAX_VALUE
                        : placement.order(p.heading())));
    return sorted;
  }

  /** The text of a block with its references replaced; a reference that cannot be, listed. */
  static String resolve(Draft d, String file, Commentary.Block b, List<Finding> errors) {
    Matcher m = Commentary.REFERENCE.matcher(b.text());
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (m.find()) {
      Commentary.Reference ref = b.references().get(Math.min(i++, b.references().size() - 1));
      String figure = figure(d, file, ref, errors);
      m.appendReplacement(sb, Matcher.quoteReplacement(figure == null ? m.group() : figure));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The figure a reference stands for, with its unit, or null (and an error). */
  private static String figure(
      Draft d, String file, Commentary.Reference ref, List<Finding> errors) {
    Indicator indicator = d.plan.indicators().get(ref.code());
    if (indicator == null) {
      List<String> examples =
          d.printed.keySet().stream()
              .map(k -> k.substring(0, k.indexOf(':')))
              .distinct()
              .limit(3)
              .toList();
      if (examples.isEmpty()) {
        examples = d.plan.indicators().keySet().stream().limit(3).toList();
      }
      errors.add(
          Finding.error(
              "E_COMMENTARY_REF",
              file,
              ref.line(),
              "",
              ref.raw(),
              WORDS.get("commentary.ref.unknown", "code", ref.code()),
              WORDS.get(
                  "commentary.ref.unknown.expected",
                  "examples",
                  String.join(d.w.get("list.enum"), examples))));
      return null;
    }
    String printed = d.printed.get(ref.code() + ":" + ref.year());
    if (printed == null) {
      String prefix = ref.code() + ":";
      List<String> years =
          d.printed.keySet().stream()
              .filter(k -> k.startsWith(prefix))
              .map(k -> k.substring(prefix.length()))
              .sorted()
              .toList();
      errors.add(
          Finding.error(
              "E_COMMENTARY_REF",
              file,
              ref.line(),
              "",
              ref.raw(),
              WORDS.get(
                  "commentary.ref.not-printed",
                  "publication",
                  d.publication,
                  "name",
                  indicator.name(),
                  "year",
                  ref.year()),
              years.isEmpty()
                  ? WORDS.get("commentary.ref.not-printed.none")
                  : WORDS.get(
                      "commentary.ref.not-printed.years",
                      "years",
                      String.join(d.w.get("list.enum"), years))));
      return null;
    }
    String unit = indicator.unit();
    return unit == null || unit.isBlank() || unit.equals("—") ? printed : printed + unit;
  }
}
