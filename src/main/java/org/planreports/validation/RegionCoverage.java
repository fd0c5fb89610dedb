package org.planreports.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.planreports.core.Finding;
import org.planreports.core.Messages;
import org.planreports.plan.Plan;

/**
 * Rows of regions the plan does not cover: a file may hold other districts too (a city-wide
 * extract), whose rows are checked row by row, counted and otherwise ignored — a warning says how
 * many and which codes, so a wrong region code does not lose a year silently. Input that holds none
 * of the plan's region in any file is an error; one file without it (the extracts of a city office,
 * one file per district, in one folder) is a warning.
 */
public final class RegionCoverage {

  private static final Messages WORDS = Messages.bundle("input");

  private static final int CODES_SHOWN = 10;

  private RegionCoverage() {}

  /**
   * @param rows per file, the rows of each other region code and the valid rows of the plan's
   */
  public static List<Finding> check(Plan plan, Map<String, Map<String, Long>> rows) {
    String own = plan.meta().regionCode();
    String ownName = WORDS.get("input.region.named", "code", own, "name", plan.meta().regionName());
    List<Finding> findings = new ArrayList<>();
    boolean anyOwn = rows.values().stream().anyMatch(r -> r.getOrDefault(own, 0L) > 0);
    for (var file : new TreeMap<>(rows).entrySet()) {
      TreeMap<String, Long> others = new TreeMap<>(file.getValue());
      long mine = others.getOrDefault(own, 0L);
      others.remove(own);
      if (others.isEmpty()) {
        continue;
      }
      long count = others.values().stream().mapToLong(Long::longValue).sum();
      String codes = codes(others);
      if (mine == 0 && !anyOwn) {
        findings.add(
            Finding.error(
                "E_REGION_NONE",
                file.getKey(),
                0,
                "region_code",
                codes,
                WORDS.get("input.region.none", "region", ownName, "rows", count, "codes", codes),
                WORDS.get("input.region.none.expected", "code", own)));
      } else {
        findings.add(
            Finding.warning(
                "W_REGION_OTHER",
                file.getKey(),
                0,
                "region_code",
                codes,
                WORDS.get(
                    mine == 0 ? "input.region.other.none" : "input.region.other",
                    "region",
                    ownName,
                    "rows",
                    count,
                    "regions",
                    others.size(),
                    "codes",
                    codes),
                WORDS.get("input.region.other.expected", "region", ownName)));
      }
    }
    return findings;
  }

  private static String codes(TreeMap<String, Long> others) {
    List<String> shown =
        others.entrySet().stream()
            .limit(CODES_SHOWN)
            .map(e -> e.getKey() + "×" + e.getValue())
            .toList();
    String list = String.join(WORDS.format("input.separator"), shown);
    return others.size() > CODES_SHOWN ? WORDS.get("input.region.more", "codes", list) : list;
  }
}
