package org.planreports.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
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
    Optional<EncodingDetector.Decoded> decoded = EncodingDetector.decode(bytes, override);
    if (decoded.isEmpty()) {
      String expected =
          override == null ? "UTF-8（可带BOM）或GB18030/GBK编码的文本" : override.name() + "编码的文本";
      rows.add(fileProblem(file, "E_ENCODING", "", "无法识别文件编码", expected));
      return rows;
    }
    String text = decoded.get().text();
    if (EncodingDetector.looksBinary(text)) {
      rows.add(fileProblem(file, "E_BINARY", "", "文件含有控制字符，不是CSV文本文件", "CSV文本文件"));
      return rows;
    }
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
      long line = parser.getCurrentLineNumber() + 1;
      int dataRows = 0;
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          rows.add(
              new RawRow(
                  file,
                  line,
                  null,
                  List.of(
                      Finding.error("E_QUOTE", file, line, "", "", "引号不成对，此行起无法读取", "成对的英文双引号"))));
          break;
        }
        long start = line;
        line = parser.getCurrentLineNumber() + 1;
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

  private static RawRow fileProblem(
      String file, String code, String text, String message, String expected) {
    return new RawRow(
        file, 0, null, List.of(Finding.error(code, file, 0, "", text, message, expected)));
  }
}
