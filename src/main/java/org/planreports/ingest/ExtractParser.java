package org.planreports.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.planreports.validation.Finding;

/**
 * Reads one extract file into raw rows with Apache Commons CSV: detects the encoding, maps English
 * or Chinese headers in any order, and reports what cannot be read (encoding, missing columns,
 * ragged rows, an unbalanced quote) as findings with file and line.
 */
public final class ExtractParser {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(false).get();

  private ExtractParser() {}

  public static List<RawRow> parse(String file, byte[] bytes, Charset override) {
    List<RawRow> rows = new ArrayList<>();
    if (bytes.length == 0) {
      rows.add(fileProblem(file, "E_EMPTY", "", "文件为空", "带表头和数据行的CSV文件"));
      return rows;
    }
    if (EncodingDetector.looksBinary(bytes)) {
      rows.add(fileProblem(file, "E_BINARY", "", "文件含有控制字符，不是CSV文本文件", "CSV文本文件（逗号分隔）"));
      return rows;
    }
    Optional<EncodingDetector.Decoded> decoded = EncodingDetector.decode(bytes, override);
    if (decoded.isEmpty()) {
      rows.add(undecodable(file, bytes, override));
      return rows;
    }
    String text = decoded.get().text();
    if (EncodingDetector.looksBinary(text)) {
      rows.add(fileProblem(file, "E_BINARY", "", "文件含有控制字符，不是CSV文本文件", "CSV文本文件（逗号分隔）"));
      return rows;
    }
    Lines lines = new Lines(text);
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> it = parser.iterator();
      if (!it.hasNext()) {
        rows.add(fileProblem(file, "E_EMPTY", "", "文件为空", "带表头和数据行的CSV文件"));
        return rows;
      }
      CSVRecord header = it.next();
      List<Finding> headerProblems = new ArrayList<>();
      String[] columns = new String[header.size()];
      for (int i = 0; i < header.size(); i++) {
        String canonical = Columns.canonical(header.get(i));
        if (canonical != null && java.util.Arrays.asList(columns).contains(canonical)) {
          headerProblems.add(
              Finding.error(
                  "E_DUPLICATE_COLUMN",
                  file,
                  1,
                  header.get(i),
                  header.get(i),
                  "列 " + canonical + "（" + Columns.CHINESE.get(canonical) + "）出现了两次",
                  "每列只出现一次"));
          canonical = null;
        }
        columns[i] = canonical;
        if (canonical == null && !header.get(i).isBlank()) {
          headerProblems.add(
              Finding.warning(
                  "W_EXTRA_COLUMN",
                  file,
                  header.getRecordNumber(),
                  header.get(i),
                  header.get(i),
                  "未知列，已忽略",
                  String.join("、", Columns.ALL)));
        }
      }
      List<String> present = java.util.Arrays.asList(columns);
      for (String required : Columns.REQUIRED) {
        if (!present.contains(required)) {
          headerProblems.add(
              Finding.error(
                  "E_MISSING_COLUMN",
                  file,
                  1,
                  required,
                  String.join(",", header.toList()),
                  "缺少必需列 " + required + "（" + Columns.CHINESE.get(required) + "）",
                  "列 " + String.join("、", Columns.REQUIRED)));
        }
      }
      boolean fatal = headerProblems.stream().anyMatch(Finding::isError);
      if (!headerProblems.isEmpty()) {
        rows.add(new RawRow(file, 1, null, headerProblems));
      }
      if (fatal) {
        return rows;
      }
      long consumed = parser.getCurrentLineNumber();
      int dataRows = 0;
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // The record that failed starts on the first non-blank line after the last good one.
          long bad = lines.firstNonBlankFrom(consumed + 1);
          rows.add(
              new RawRow(
                  file,
                  bad,
                  null,
                  List.of(
                      Finding.error(
                          "E_QUOTE",
                          file,
                          bad,
                          "",
                          lines.text(bad),
                          "引号不成对，此行起无法读取",
                          "成对的英文双引号；单元格内的双引号写作两个双引号"))));
          break;
        }
        long start = lines.firstNonBlankFrom(lines.lineAt(record.getCharacterPosition()));
        consumed = parser.getCurrentLineNumber();
        dataRows++;
        if (record.size() != columns.length) {
          rows.add(
              new RawRow(
                  file,
                  start,
                  null,
                  List.of(
                      Finding.error(
                          "E_RAGGED",
                          file,
                          start,
                          "",
                          String.join(",", record.toList()),
                          "本行有" + record.size() + "个字段，表头有" + columns.length + "个",
                          columns.length + "个字段"))));
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
          if (columns[i] != null) {
            cells.put(columns[i], record.get(i));
          }
        }
        rows.add(new RawRow(file, start, cells, List.of()));
      }
      if (dataRows == 0) {
        rows.add(fileProblem(file, "E_EMPTY", "", "文件只有表头，没有数据行", "至少一行数据"));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RawRow undecodable(String file, byte[] bytes, Charset override) {
    // Point at the first byte that does not decode, in the encoding the file most likely has.
    Charset likely = override;
    if (likely == null) {
      int utf8 = EncodingDetector.firstMalformed(bytes, StandardCharsets.UTF_8);
      int gb = EncodingDetector.firstMalformed(bytes, EncodingDetector.GB18030);
      likely =
          EncodingDetector.hasBom(bytes) || utf8 < 0 || (gb >= 0 && utf8 >= gb)
              ? StandardCharsets.UTF_8
              : EncodingDetector.GB18030;
    }
    int at = Math.max(0, EncodingDetector.firstMalformed(bytes, likely));
    long line = 1;
    for (int i = 0; i < at && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    StringBuilder hex = new StringBuilder();
    for (int i = at; i < Math.min(bytes.length, at + 4); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
    }
    String expected =
        override == null ? "UTF-8（可带BOM）或GB18030/GBK编码的文本" : override.name() + "编码的文本";
    String message =
        (override == null ? "无法识别文件编码：既不是UTF-8也不是GB18030，" : "无法按" + override.name() + "解码，")
            + "第一个无法解码的字节在第"
            + line
            + "行（按"
            + likely.name()
            + "）";
    return new RawRow(
        file,
        line,
        null,
        List.of(Finding.error("E_ENCODING", file, line, "", hex.toString(), message, expected)));
  }

  /** Line numbers of the decoded text, counting CRLF, LF and a lone CR as one line end each. */
  private static final class Lines {
    private final String text;
    private final List<Integer> starts = new ArrayList<>();

    Lines(String text) {
      this.text = text;
      starts.add(0);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
          starts.add(i + 1);
        }
      }
    }

    /** The 1-based line holding character {@code position}. */
    long lineAt(long position) {
      int i = java.util.Collections.binarySearch(starts, (int) position);
      return (i >= 0 ? i : -i - 2) + 1;
    }

    long firstNonBlankFrom(long line) {
      long l = line;
      while (l < starts.size() && text(l).isBlank()) {
        l++;
      }
      return l;
    }

    /** The text of a 1-based line without its line end, shortened for a report. */
    String text(long line) {
      if (line < 1 || line > starts.size()) {
        return "";
      }
      int from = starts.get((int) line - 1);
      int to = line < starts.size() ? starts.get((int) line) : text.length();
      String t = text.substring(from, to).replaceAll("[\r\n]+$", "");
      return t.length() > 120 ? t.substring(0, 120) + "…" : t;
    }
  }

  private static RawRow fileProblem(
      String file, String code, String text, String message, String expected) {
    return new RawRow(
        file, 0, null, List.of(Finding.error(code, file, 0, "", text, message, expected)));
  }
}
