package org.planreports.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.planreports.publication.PublicationType;

/**
 * The companion CSV of a table (OPERATIONS.md): UTF-8 with a BOM so Excel opens it, CRLF, and text
 * cells that start with = + - @ prefixed with an apostrophe so a spreadsheet does not run them.
 */
public final class CompanionCsv {

  /** OPERATIONS.md's columns for an assessment table, in order. */
  public static final List<String> ASSESSMENT_COLUMNS =
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

  /** A cell: text is guarded against formula injection, numbers are written as they are. */
  public record Cell(String value, boolean text) {
    public static Cell text(String v) {
      return new Cell(v == null ? "" : v, true);
    }

    public static Cell number(String v) {
      return new Cell(v == null ? "" : v, false);
    }
  }

  private CompanionCsv() {}

  public static byte[] write(List<String> header, List<List<Cell>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xEF);
    out.write(0xBB);
    out.write(0xBF);
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
      p.printRecord(header);
      for (List<Cell> row : rows) {
        p.printRecord(row.stream().map(CompanionCsv::guard).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String guard(Cell c) {
    String v = c.value();
    if (c.text() && !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      return "'" + v;
    }
    return v;
  }
}
