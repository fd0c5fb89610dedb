package org.planreports.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planreports.assessment.AssessedRow;
import org.planreports.assessment.Assessment;
import org.planreports.core.Wording;
import org.planreports.plan.Attribute;
import org.planreports.plan.CatalogueRow;
import org.planreports.plan.Kind;
import org.planreports.plan.TableSpec;

/**
 * 评估方法说明, generated for the plan from the project's methodology doc
 * (src/main/resources/methodology/methodology-zh.md): its period, the kinds and attributes its
 * targets have, examples named from its own rows, and a worked example computed from this
 * publication's own figures. A line that starts with {@code ?KIND} is kept only when the plan has a
 * target of that kind ({@code ?EXAMPLE}: when there is a worked example).
 */
final class MethodologySection {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_0-9]+)}");
  private static final Pattern CONDITION = Pattern.compile("^\\?([A-Z]+) (.*)$");

  private MethodologySection() {}

  static Section build(Draft d, String heading) {
    List<String> lines = lines();
    Map<String, String> values = values(d);
    List<Map<String, Object>> rows = new ArrayList<>();
    // Each heading opens a group of the template, so that a heading starts a new page rather than
    // sit at the foot of one with only the first line of its part.
    int section = 0;
    for (String raw : lines.subList(1, lines.size())) {
      String line = raw;
      Matcher c = CONDITION.matcher(line);
      if (c.matches()) {
        if (!values.containsKey("has_" + c.group(1).toLowerCase(Locale.ROOT))) {
          continue;
        }
        line = c.group(2);
      }
      line = fill(line, values);
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      if (line.startsWith("- ")) {
        row.put("kind", "li");
        row.put("text", line.substring(2).strip());
      } else if (line.matches(Wording.zh().get("methodology.heading.pattern"))
          && line.length() < 30) {
        row.put("kind", "h");
        row.put("text", line.strip());
        section++;
      } else {
        row.put("kind", "p");
        row.put("text", line.strip());
      }
      row.put("section", section);
      rows.add(row);
    }
    return new Section("text", "", Map.of(), rows).withHeading(heading);
  }

  private static String fill(String line, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalStateException(
            "methodology placeholder {" + m.group(1) + "} has no value");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Map<String, String> values(Draft d) {
    Wording w = d.w;
    Map<String, String> v = new LinkedHashMap<>();
    int base = d.meta.baseYear();
    int fin = d.meta.finalYear();
    v.put(
        "plan",
        d.meta.document() == null
            ? w.get("cover.plan", "plan", d.meta.title())
            : w.get("cover.plan.document", "plan", d.meta.title(), "document", d.meta.document()));
    v.put("base", String.valueOf(base));
    v.put("base1", String.valueOf(base + 1));
    v.put("mid", String.valueOf(d.meta.midYear()));
    v.put("final", String.valueOf(fin));
    List<CatalogueRow> targets = new ArrayList<>();
    d.plan.tables().stream()
        .filter(t -> !d.plan.isHistory(t))
        .forEach(t -> targets.addAll(d.plan.rows(t.name())));
    TreeSet<Integer> otherYears = new TreeSet<>();
    Map<Kind, List<String>> examples = new EnumMap<>(Kind.class);
    int binding = 0;
    int expected = 0;
    int missing = 0;
    List<String> series = new ArrayList<>();
    boolean moneyGrowth = false;
    for (CatalogueRow r : targets) {
      examples
          .computeIfAbsent(r.kind(), k -> new ArrayList<>())
          .add(Draft.stripUnit(r.printedName()));
      if (r.kind() != Kind.MILESTONE && r.targetYear() != fin) {
        otherYears.add(r.targetYear());
      }
      if (r.attribute() == null) {
        missing++;
      } else if (r.attribute() == Attribute.BINDING) {
        binding++;
      } else {
        expected++;
      }
      moneyGrowth |= r.kind() == Kind.GROWTH && r.indicator().money();
      if (r.kind() == Kind.GROWTH && !series.contains(r.indicator().name())) {
        series.add(r.indicator().name());
      }
    }
    for (Kind k : Kind.values()) {
      String key = k.name().toLowerCase(Locale.ROOT);
      List<String> names = examples.get(k);
      if (names != null) {
        v.put("has_" + key, "");
        v.put(
            "ex_" + key,
            w.get("method.examples", "names", w.enumerate(names.stream().limit(3).toList())));
      }
    }
    v.put("growth_series", w.enumerate(series));
    v.put("growth_prices", moneyGrowth ? w.get("method.growth.current-prices") : "");
    List<String> taus = new ArrayList<>();
    taus.add(tauExample(w, base, fin));
    otherYears.forEach(y -> taus.add(tauExample(w, base, y)));
    v.put(
        "tau_examples", w.get("method.taus", "taus", String.join(w.get("method.taus.sep"), taus)));
    v.put(
        "other_years",
        otherYears.isEmpty()
            ? ""
            : w.get(
                "method.other-years",
                "years",
                w.enumerate(otherYears.stream().map(y -> w.get("cell.year", "year", y)).toList())));
    String attributes =
        binding == 0
            ? w.get("method.attributes.expected", "n", expected + missing)
            : w.get("method.attributes.mixed", "binding", binding, "expected", expected + missing);
    if (missing > 0) {
      attributes += w.get("method.attributes.missing", "n", missing);
    }
    v.put("attributes", attributes);
    String example = workedExample(d);
    if (example != null) {
      v.put("has_example", "");
      v.put("example", example);
    }
    return v;
  }

  private static String tauExample(Wording w, int base, int target) {
    List<String> pcts = new ArrayList<>();
    for (int y = base + 1; y <= target; y++) {
      pcts.add(
          Fmt.plain(
                  java.math.BigDecimal.valueOf((y - base) * 100L)
                      .divide(
                          java.math.BigDecimal.valueOf(target - base),
                          1,
                          java.math.RoundingMode.HALF_UP))
              + "%");
    }
    return w.get(
        "method.tau", "base", base, "target", target, "first", base + 1, "pcts", w.enumerate(pcts));
  }

  /**
   * The first LEVEL row of this publication with a completion, time progress and schedule ratio,
   * its figures exactly as its table prints them.
   */
  private static String workedExample(Draft d) {
    for (Map.Entry<TableSpec, List<AssessedRow>> e : d.assessed.entrySet()) {
      for (AssessedRow ar : e.getValue()) {
        CatalogueRow r = ar.row();
        Assessment a = ar.assessment();
        if (r.kind() != Kind.LEVEL
            || a.completionPct() == null
            || a.timeProgressPct() == null
            || a.scheduleRatio() == null
            || a.value() == null) {
          continue;
        }
        String unit = r.indicator().unit();
        String text =
            d.w.get(
                "method.example",
                "ref",
                d.ref(e.getKey()),
                "seq",
                r.seq(),
                "name",
                Draft.stripUnit(r.printedName()),
                "base_year",
                a.baselineYear(),
                "b",
                Fmt.num(a.baseline(), r.decimals()),
                "unit",
                unit,
                "target_year",
                r.targetYear(),
                "target",
                AssessmentTableSection.targetText(r),
                "year",
                a.dataYear(),
                "x",
                Fmt.num(a.value(), r.decimals()),
                "t",
                Fmt.plain(r.targetValue()),
                "c",
                Fmt.pct1(a.completionPct()),
                "tau",
                Fmt.pct1(a.timeProgressPct()),
                "s",
                Fmt.ratio2(a.scheduleRatio()),
                "status",
                a.status().label());
        if (a.projection() != null) {
          text +=
              d.w.get(
                  "method.example.projection",
                  "target_year",
                  r.targetYear(),
                  "p",
                  Fmt.num(a.projection(), r.decimals()),
                  "unit",
                  unit,
                  "label",
                  a.projectionLabel());
        }
        return text;
      }
    }
    return null;
  }

  static List<String> lines() {
    try (InputStream in =
        MethodologySection.class.getResourceAsStream("/methodology/methodology-zh.md")) {
      if (in == null) {
        throw new IllegalStateException("methodology/methodology-zh.md is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
