package org.planreports.report;

import java.util.List;
import org.planreports.plan.PublicationType;

/** The columns of an assessment table's companion CSV (OPERATIONS.md) and which of them print. */
public final class AssessmentColumns {

  private AssessmentColumns() {}

  /** OPERATIONS.md's columns for an assessment table, in order. */
  public static final List<String> ALL =
      List.of(
          "table",
          "seq",
          "indicator",
          "unit",
          "attribute",
          "baseline_year",
          "baseline",
          "target_year",
          "comparator",
          "target",
          "year",
          "value",
          "time_progress_pct",
          "completion_pct",
          "schedule_ratio",
          "status",
          "projection",
          "required_annual_growth_pct",
          "note");

  /**
   * Whether a publication of this type prints a companion column's figure in its tables (which a
   * correction notice may list). Every column does but the assessment's intermediate figures —
   * schedule_ratio (进度比), projection (预计目标年值; a mid-term prints only 预计可完成 or 预计难以完成) and
   * required_annual_growth_pct — and, in a final evaluation, whose column shows the change since
   * the base instead, time_progress_pct.
   */
  public static boolean printed(PublicationType type, String column) {
    return switch (column) {
      case "schedule_ratio", "projection", "required_annual_growth_pct" -> false;
      case "time_progress_pct" -> !type.equals(PublicationType.FINAL);
      default -> true;
    };
  }
}
