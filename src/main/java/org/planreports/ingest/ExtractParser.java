package org.planreports.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.planreports.core.Finding;
import org.planreports.core.Limits;
import org.planreports.core.Messages;
import org.planreports.core.Wording;

/**
 * Reads one extract file into raw rows with Apache Commons CSV, streaming: detects the encoding,
 * maps English or Chinese headers in any order, and reports what cannot be read (encoding, missing
 * columns, ragged rows, an unbalanced quote, an overlong line) as findings with file and line. A
 * file is read once, front to back, and never held whole: memory does not grow with its size.
 */
public final class ExtractParser {

  private static final Messages WORDS = Messages.bundle("input");

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(false).get();

  private ExtractParser() {}

  /** Every row of a file held in memory (tests, small files). */
  public static List<RawRow> parse(String file, byte[] bytes, Charset override) {
    List<RawRow> rows = new ArrayList<>();
    try (Rows r = open(file, new ByteArrayInputStream(bytes), override)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  /** The rows of a file as they are read; closing them closes {@code in}. */
  public static Rows open(String file, InputStream in, Charset override) {
    return new Rows(file, in, override);
  }

  /** The rows of one file, read as they are asked for. */
  public static final class Rows extends RowSource {
    private final String file;
    private final InputStream in;
    private RecordTracker tracker;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private String[] columns;
    private Finding unitColumnMissing;
    private int dataRows;
    private boolean finished;

    private Rows(String file, InputStream in, Charset override) {
      this.file = file;
      this.in = in;
      try {
        start(override);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void start(Charset override) throws IOException {
      // The file's name is printed in the publications' provenance.
      org.planreports.core.TextRules.undrawable(file, 0, "", WORDS.format("input.file.name"), file)
          .ifPresent(f -> ready.add(new RawRow(file, 0, null, List.of(f))));
      byte[] prefix = in.readNBytes(DecodingReader.WINDOW);
      if (prefix.length == 0) {
        finish(empty());
        return;
      }
      if (override == null) {
        Optional<String> wide = EncodingDetector.wideUnicode(prefix);
        if (wide.isPresent()) {
          finish(
              fileProblem(
                  file,
                  "E_ENCODING",
                  "",
                  WORDS.get("input.encoding.wide", "encoding", wide.get()),
                  WORDS.format("input.encoding.expected")));
          return;
        }
      }
      if ((override == null || !override.name().startsWith("UTF-"))
          && EncodingDetector.looksBinary(prefix)) {
        finish(
            fileProblem(
                file,
                "E_BINARY",
                "",
                WORDS.format("input.binary"),
                WORDS.format("input.binary.expected")));
        return;
      }
      boolean bom = EncodingDetector.hasBom(prefix);
      int skip = bom && (override == null || override.equals(StandardCharsets.UTF_8)) ? 3 : 0;
      Charset fixed = override != null ? override : bom ? StandardCharsets.UTF_8 : null;
      InputStream all =
          new SequenceInputStream(new ByteArrayInputStream(prefix, skip, prefix.length - skip), in);
      tracker = new RecordTracker(new DecodingReader(file, all, fixed, override, skip));
      parser = CSVParser.builder().setReader(tracker).setFormat(FORMAT).get();
      records = parser.iterator();
      CSVRecord header = nextRecord();
      if (header == null) {
        if (ready.isEmpty()) {
          finish(empty());
        } else {
          finish(null);
        }
        return;
      }
      header(header);
    }

    private void header(CSVRecord header) {
      tracker.lineAt(header.getCharacterPosition());
      List<Finding> problems = new ArrayList<>();
      RecordTracker.Cut cut = tracker.takeCut(1);
      if (cut != null) {
        problems.add(tooLong(1, cut));
      }
      columns = new String[header.size()];
      for (int i = 0; i < header.size(); i++) {
        String cell = header.get(i);
        if (cell.strip().length() > Limits.HEADER) {
          // No column of the contract has a long name: an unknown one, ignored like any other
          // (the line limit, not the name's, guards memory), its name shortened in the report.
          String name = Limits.shorten(cell.strip(), 20);
          problems.add(
              Finding.warning(
                  "W_EXTRA_COLUMN",
                  file,
                  header.getRecordNumber(),
                  name,
                  name,
                  Wording.zh()
                      .get(
                          "input.column.unknown.long", "n", i + 1, "length", cell.strip().length()),
                  String.join(WORDS.format("input.separator"), Columns.ALL)));
          continue;
        }
        String canonical = Columns.canonical(cell);
        if (canonical != null && Arrays.asList(columns).contains(canonical)) {
          problems.add(
              Finding.error(
                  "E_DUPLICATE_COLUMN",
                  file,
                  1,
                  cell,
                  cell,
                  WORDS.get(
                      "input.column.duplicate",
                      "column",
                      canonical,
                      "header",
                      Columns.CHINESE.get(canonical)),
                  WORDS.format("input.column.duplicate.expected")));
          canonical = null;
        }
        columns[i] = canonical;
        if (canonical == null && !cell.isBlank()) {
          problems.add(
              Finding.warning(
                  "W_EXTRA_COLUMN",
                  file,
                  header.getRecordNumber(),
                  cell,
                  cell,
                  WORDS.format("input.column.unknown"),
                  String.join(WORDS.format("input.separator"), Columns.ALL)));
        }
      }
      List<String> present = Arrays.asList(columns);
      Finding unitMissing = null;
      for (String required : Columns.REQUIRED) {
        if (!present.contains(required)) {
          Finding missing =
              Finding.error(
                  "E_MISSING_COLUMN",
                  file,
                  1,
                  required,
                  String.join(",", header.toList()),
                  WORDS.get(
                      "input.column.missing",
                      "column",
                      required,
                      "header",
                      Columns.CHINESE.get(required)),
                  WORDS.get(
                      "input.column.missing.expected",
                      "columns",
                      String.join(WORDS.format("input.separator"), Columns.REQUIRED)));
          if (required.equals(Columns.UNIT)) {
            // Only an item with a unit needs the column: said at the first such row (RowRules).
            unitMissing = missing;
          } else {
            problems.add(missing);
          }
        }
      }
      if (unitMissing != null && problems.stream().anyMatch(Finding::isError)) {
        problems.add(unitMissing);
      }
      unitColumnMissing = unitMissing;
      if (!problems.isEmpty()) {
        ready.add(new RawRow(file, 1, null, problems));
      }
      if (problems.stream().anyMatch(Finding::isError)) {
        finish(null);
      }
    }

    /** The next record, or null at the end or when the rest cannot be read (a finding says why). */
    private CSVRecord nextRecord() {
      try {
        return records.hasNext() ? records.next() : null;
      } catch (UncheckedIOException | IllegalStateException e) {
        if (e.getCause() instanceof UnreadableInput u) {
          ready.add(new RawRow(file, u.finding().line(), null, List.of(u.finding())));
          return null;
        }
        // The record that failed starts where the tracker saw the last record begin.
        long bad = tracker.openRecordLine();
        ready.add(
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
                        tracker.text(bad),
                        WORDS.format("input.quote"),
                        WORDS.format("input.quote.expected")))));
        return null;
      }
    }

    @Override
    protected void advance() {
      while (ready.isEmpty() && !finished) {
        CSVRecord record = nextRecord();
        if (record == null) {
          finish(
              dataRows == 0
                      && ready.stream()
                          .noneMatch(r -> r.problems().stream().anyMatch(Finding::isError))
                  ? fileProblem(
                      file,
                      "E_EMPTY",
                      "",
                      WORDS.format("input.rows.none"),
                      WORDS.format("input.rows.none.expected"))
                  : null);
          return;
        }
        long start = tracker.lineAt(record.getCharacterPosition());
        dataRows++;
        RecordTracker.Cut cut = tracker.takeCut(start);
        if (cut != null) {
          ready.add(new RawRow(file, start, null, List.of(tooLong(start, cut))));
          continue;
        }
        if (record.size() != columns.length) {
          ready.add(
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
                          WORDS.get(
                              "input.ragged", "fields", record.size(), "columns", columns.length),
                          WORDS.get("input.ragged.expected", "columns", columns.length)))));
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
          if (columns[i] != null) {
            cells.put(columns[i], record.get(i));
          }
        }
        ready.add(new RawRow(file, start, cells, List.of(), unitColumnMissing));
      }
    }

    private Finding tooLong(long line, RecordTracker.Cut cut) {
      return Finding.error(
          "E_TOO_LONG",
          file,
          line,
          "",
          tracker.text(line),
          WORDS.get(
              cut.openQuote() ? "input.line.long.quote" : "input.line.long",
              "length",
              cut.length(),
              "max",
              RecordTracker.MAX_RECORD),
          WORDS.get("input.line.long.expected", "max", RecordTracker.MAX_RECORD));
    }

    private RawRow empty() {
      return fileProblem(
          file,
          "E_EMPTY",
          "",
          WORDS.format("input.file.empty"),
          WORDS.format("input.file.empty.expected"));
    }

    private void finish(RawRow last) {
      if (last != null) {
        ready.add(last);
      }
      finished = true;
    }

    @Override
    public void close() {
      try {
        if (parser != null) {
          parser.close();
        } else {
          in.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static RawRow fileProblem(
      String file, String code, String text, String message, String expected) {
    return new RawRow(
        file, 0, null, List.of(Finding.error(code, file, 0, "", text, message, expected)));
  }
}
