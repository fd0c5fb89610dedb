package org.planreports.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The companion CSV of a table (OPERATIONS.md): UTF-8 with a BOM so Excel opens it, CRLF, and text
 * cells that start with = + - @ prefixed with an apostrophe so a spreadsheet does not run them.
 */
public final class CompanionCsv {

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
