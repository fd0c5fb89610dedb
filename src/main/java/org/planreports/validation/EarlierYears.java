package org.planreports.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planreports.core.Finding;
import org.planreports.core.Wording;
import org.planreports.plan.Plan;

/**
 * Rows of the plan's region from years before the ones the plan uses (a long series exported from
 * the statistics database): counted per file, ignored, and reported as one warning per file with
 * their count and years, so that a mistyped year does not vanish unseen. Years after the plan's
 * final year stay an error (RowRules).
 */
public final class EarlierYears {

  public static final String CODE = "W_YEAR_BEFORE_PLAN";

  private EarlierYears() {}

  /**
   * @param rows per file, the number of ignored rows of each earlier year
   */
  public static List<Finding> check(Plan plan, Map<String, ? extends Map<Integer, Long>> rows) {
    Wording w = Wording.zh();
    int first = RowRules.firstYear(plan);
    var meta = plan.meta();
    List<Finding> findings = new ArrayList<>();
    for (var file : new TreeMap<>(rows).entrySet()) {
      TreeMap<Integer, Long> years = new TreeMap<>(file.getValue());
      long count = years.values().stream().mapToLong(Long::longValue).sum();
      if (count == 0) {
        continue;
      }
      String spans = spans(years.keySet().stream().toList(), w);
      findings.add(
          Finding.warning(
              CODE,
              file.getKey(),
              0,
              "year",
              spans,
              w.get(
                  "input.year.before",
                  "count",
                  count,
                  "years",
                  spans,
                  "plan",
                  meta.shortTitle(),
                  "first",
                  first),
              w.get("input.year.expected", "first", first, "final", meta.finalYear())));
    }
    return findings;
  }

  /** Years as runs: 1978—1980、1985、2010—2014. */
  static String spans(List<Integer> years, Wording w) {
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < years.size()) {
      int j = i;
      while (j + 1 < years.size() && years.get(j + 1) == years.get(j) + 1) {
        j++;
      }
      runs.add(i == j ? String.valueOf(years.get(i)) : years.get(i) + "—" + years.get(j));
      i = j + 1;
    }
    return w.enumerate(runs);
  }
}
