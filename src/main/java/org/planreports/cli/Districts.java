package org.planreports.cli;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.planreports.job.JobOutcome;

/**
 * How a city-wide run ended: each district's lines as a single-district run prints them, under the
 * district's name, then one line per district and the totals. The exit code is the most serious of
 * the districts' own: 1 (a failure) before 4 (a district locked) before 3 (input rejected) before 5
 * (refused) before 7 (nothing to publish) before 0.
 */
final class Districts {

  private Districts() {}

  /** Exit codes from the most serious down. */
  private static final List<Integer> SERIOUSNESS =
      List.of(
          ExitCodes.FAILURE,
          ExitCodes.LOCKED,
          ExitCodes.INVALID_INPUT,
          ExitCodes.ALREADY_PUBLISHED,
          ExitCodes.NOTHING_TO_PUBLISH,
          ExitCodes.OK);

  /** The more serious of two exit codes (a code not ranked counts as a failure). */
  static int worse(int a, int b) {
    return rank(a) <= rank(b) ? a : b;
  }

  private static int rank(int exit) {
    int i = SERIOUSNESS.indexOf(exit);
    return i < 0 ? -1 : i;
  }

  static int report(
      List<PlannedDistrict> districts,
      Map<String, JobOutcome> outcomes,
      OutcomeReport report,
      PrintWriter out,
      PrintWriter err) {
    int worst = ExitCodes.OK;
    Map<JobOutcome.Kind, Integer> counts = new EnumMap<>(JobOutcome.Kind.class);
    StringBuilder table = new StringBuilder();
    for (PlannedDistrict d : districts) {
      JobOutcome o = outcomes.get(d.region());
      String name = d.name();
      out.println("【" + name + "】");
      err.flush();
      int exit = report.report(o, d, true);
      err.flush();
      out.flush();
      worst = worse(worst, exit);
      counts.merge(o.kind(), 1, Integer::sum);
      table.append("  ").append(name).append("：").append(word(o, d)).append('\n');
    }
    out.println("各地区结果（共" + districts.size() + "个地区）：");
    out.print(table);
    List<String> totals = new java.util.ArrayList<>();
    for (JobOutcome.Kind kind : JobOutcome.Kind.values()) {
      if (counts.containsKey(kind)) {
        totals.add(KIND_WORDS.get(kind) + " " + counts.get(kind) + " 个地区");
      }
    }
    out.println("合计：" + String.join("，", totals) + "；退出码 " + worst + "。");
    return worst;
  }

  private static final Map<JobOutcome.Kind, String> KIND_WORDS =
      Map.of(
          JobOutcome.Kind.COMPLETED, "完成",
          JobOutcome.Kind.ALREADY_DONE, "此前已完成",
          JobOutcome.Kind.INVALID, "输入未通过校验",
          JobOutcome.Kind.REFUSED, "拒绝",
          JobOutcome.Kind.NOTHING_TO_PUBLISH, "没有可发布的内容",
          JobOutcome.Kind.FAILED, "失败");

  /** A district's outcome in a few words. */
  static String word(JobOutcome o, PlannedDistrict d) {
    return switch (o.kind()) {
      case COMPLETED ->
          d.request().validateOnly()
              ? "校验通过"
              : o.published().isEmpty()
                  ? "未变化（内容与已发布版本相同）"
                  : "已发布 "
                      + o.published().size()
                      + " 项"
                      + (o.unchanged().isEmpty() ? "" : "，未变化 " + o.unchanged().size() + " 项");
      case ALREADY_DONE -> "未变化（输入与上次相同，此前已完成）";
      case INVALID -> "输入未通过校验，未发布（" + o.validationErrors() + "个错误，见 " + o.validationReport() + "）";
      case REFUSED -> "拒绝：" + o.refused().size() + " 项与已发布版本的数字不同，未发布";
      case NOTHING_TO_PUBLISH -> "没有可发布的内容";
      case FAILED -> "失败：" + o.message();
    };
  }
}
