package org.planreports.publication;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.planreports.core.CompanionCsv;
import org.planreports.core.CompanionCsv.Cell;
import org.planreports.core.Messages;
import org.planreports.core.Wording;
import org.planreports.report.AssessmentColumns;
import org.planreports.report.PublicationContent;
import org.planreports.report.Section;

/**
 * The correction notice (更正说明) of a new edition: every figure of the companion CSVs that differs
 * from the previous edition, old → new, cell by cell keyed by (file, table, seq, column), and the
 * reason the operator gave. It is a section of the PDF, right after the cover, and a CSV beside it.
 */
public record CorrectionNotice(int edition, int corrects, String reason, List<Change> changes) {

  public static final String TEMPLATE = "correction-notice";
  private static final Messages WORDS = Messages.bundle("publication");

  public static final String BOOKMARK = WORDS.get("publication.notice.bookmark");
  public static final String CSV = "correction-notice.csv";

  /**
   * Inserts the notice into a publication's sections, right after the cover (or the bulletin's
   * first section), and marks its first page 第N版（更正）: on the cover, or beside the bulletin's title.
   */
  public PublicationContent into(PublicationContent content) {
    List<Section> sections = new ArrayList<>(content.sections());
    if (!sections.isEmpty()) {
      sections.set(0, marked(sections.get(0)));
    }
    sections.add(Math.min(1, sections.size()), section(content));
    return new PublicationContent(
        content.key(),
        content.title(),
        content.subject(),
        content.keywords(),
        content.author(),
        content.dataVintage(),
        content.sample(),
        content.documentDate(),
        sections,
        content.companions(),
        content.tableRefs(),
        content.figures());
  }

  /** Parameter of the cover template: the edition mark under the title. */
  public static final String EDITION = "EDITION";

  /** 第N版（更正）, as the first page prints it. */
  public String mark() {
    return Wording.zh().get("corrections.edition", "edition", edition);
  }

  /** The first section with the edition mark: a cover's own line, a titled page's subtitle. */
  private Section marked(Section first) {
    Map<String, Object> p = new LinkedHashMap<>(first.params());
    if (first.template().equals("cover")) {
      p.put(EDITION, mark());
    } else if (p.get("SUBTITLE") instanceof String subtitle) {
      p.put(
          "SUBTITLE",
          Wording.zh().get("corrections.subtitle", "subtitle", subtitle, "mark", mark()));
    } else {
      return first;
    }
    return new Section(first.template(), first.bookmark(), p, first.rows());
  }

  /**
   * The companion CSVs of a published edition folder: every CSV but the validation report and the
   * correction notice, which are not figures of the publication.
   */
  public static Map<String, byte[]> companionsIn(java.nio.file.Path edition) {
    Map<String, byte[]> csvs = new TreeMap<>();
    try (java.util.stream.Stream<java.nio.file.Path> list = java.nio.file.Files.list(edition)) {
      for (java.nio.file.Path f :
          list.filter(java.nio.file.Files::isRegularFile)
              .filter(f -> f.getFileName().toString().endsWith(".csv"))
              .filter(f -> !f.getFileName().toString().startsWith("validation-report"))
              .filter(f -> !f.getFileName().toString().equals(CSV))
              .filter(f -> !audit(f.getFileName().toString()))
              .sorted()
              .toList()) {
        csvs.put(f.getFileName().toString(), java.nio.file.Files.readAllBytes(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return csvs;
  }

  /**
   * Whether a companion file is the edition's audit trail (provenance.csv, datapackage.json), not
   * figures of its tables: never compared, as input files' names, lines and digests do not count.
   */
  public static boolean audit(String file) {
    return file.equals(org.planreports.report.ProvenanceCsv.FILE) || file.equals(DataPackage.FILE);
  }

  /** One changed cell; an empty old or new value means the row was added or removed. */
  public record Change(
      String file,
      String table,
      String seq,
      String indicator,
      String column,
      String oldValue,
      String newValue) {

    /** Where the figure stands in the plan's terms: 表N 第3行. */
    public String where() {
      return where(Map.of());
    }

    /** Where the figure stands as the publication numbers its tables: 表1 第3行. */
    public String where(Map<String, String> tableRefs) {
      String t = tableRefs.getOrDefault(table, table);
      return (t.isEmpty() ? file : t)
          + (seq.isEmpty() ? "" : " " + WORDS.get("publication.notice.row", "seq", seq));
    }

    public String line(Map<String, String> tableRefs) {
      return WORDS.get(
          "publication.notice.line",
          "where",
          where(tableRefs),
          "indicator",
          indicator,
          "column",
          label(column),
          "old",
          show(oldValue),
          "new",
          show(newValue));
    }
  }

  public CorrectionNotice {
    reason = reason == null ? "" : reason.strip();
    changes = List.copyOf(changes);
  }

  /** A companion CSV column's Chinese name (OPERATIONS.md), for the notice's readers. */
  public static String label(String column) {
    String key = "publication.column." + column;
    return WORDS.has(key) ? WORDS.get(key) : column;
  }

  private static String show(String v) {
    return v.isEmpty() ? WORDS.get("publication.notice.empty") : v;
  }

  /**
   * Compares two sets of companion CSVs (file name → bytes), cell by cell. Files, rows and columns
   * present on one side only count as changes from or to empty.
   */
  public static List<Change> compare(Map<String, byte[]> before, Map<String, byte[]> after) {
    List<Change> changes = new ArrayList<>();
    TreeSet<String> files = new TreeSet<>(before.keySet());
    files.addAll(after.keySet());
    files.removeIf(CorrectionNotice::audit);
    for (String file : files) {
      Map<List<String>, Map<String, String>> old = rows(before.get(file));
      Map<List<String>, Map<String, String>> now = rows(after.get(file));
      TreeMap<List<String>, Boolean> keys = new TreeMap<>(CorrectionNotice::compareKeys);
      old.keySet().forEach(k -> keys.put(k, true));
      now.keySet().forEach(k -> keys.put(k, true));
      for (List<String> key : keys.keySet()) {
        Map<String, String> o = old.getOrDefault(key, Map.of());
        Map<String, String> n = now.getOrDefault(key, Map.of());
        String indicator = n.getOrDefault("indicator", o.getOrDefault("indicator", ""));
        List<String> columns = new ArrayList<>(n.keySet());
        o.keySet().stream().filter(c -> !n.containsKey(c)).forEach(columns::add);
        for (String column : columns) {
          if (column.equals("table") || column.equals("seq")) {
            continue;
          }
          String ov = o.getOrDefault(column, "");
          String nv = n.getOrDefault(column, "");
          if (!sameValue(ov, nv)) {
            changes.add(new Change(file, key.get(0), key.get(1), indicator, column, ov, nv));
          }
        }
      }
    }
    return changes;
  }

  /** Two cells are the same figure when their text or, for numbers, their value is (0.70 = 0.7). */
  static boolean sameValue(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (!a.matches("-?\\d+(\\.\\d+)?") || !b.matches("-?\\d+(\\.\\d+)?")) {
      return false;
    }
    return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
  }

  /** Rows keyed by (table, seq); a file without those columns is keyed by row number. */
  private static Map<List<String>, Map<String, String>> rows(byte[] csv) {
    Map<List<String>, Map<String, String>> rows = new LinkedHashMap<>();
    if (csv == null) {
      return rows;
    }
    String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try {
      int n = 0;
      for (CSVRecord r :
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(text))) {
        n++;
        Map<String, String> cells = new LinkedHashMap<>(r.toMap());
        // Keep the header's order, which toMap does not promise.
        Map<String, String> ordered = new LinkedHashMap<>();
        r.getParser().getHeaderNames().forEach(h -> ordered.put(h, cells.getOrDefault(h, "")));
        String table = ordered.getOrDefault("table", "");
        String seq = ordered.containsKey("seq") ? ordered.get("seq") : String.valueOf(n);
        rows.put(List.of(table, seq), ordered);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    int c = a.get(0).compareTo(b.get(0));
    if (c != 0) {
      return c;
    }
    try {
      return Integer.compare(Integer.parseInt(a.get(1)), Integer.parseInt(b.get(1)));
    } catch (NumberFormatException e) {
      return a.get(1).compareTo(b.get(1));
    }
  }

  /**
   * The changes the publication prints, in its own terms: every changed cell of a column its tables
   * print (not 进度比, 预计目标年值 or 剩余年份需年均增长, which none prints, nor 时序进度 in a final evaluation). {@link
   * #changes()} keeps every changed cell, which the figures digest covers.
   */
  public List<Change> printed(PublicationContent content) {
    return changes.stream()
        .filter(c -> AssessmentColumns.printed(content.key().type(), c.column()))
        .toList();
  }

  /** The notice's opening paragraph, counting the changes the publication prints. */
  public String intro(PublicationContent content) {
    return intro(printed(content));
  }

  private String intro(List<Change> changes) {
    String stop = WORDS.get("publication.notice.stop");
    return WORDS.get(
        "publication.notice.intro",
        "edition",
        edition,
        "corrects",
        corrects,
        "reason",
        reason.isEmpty() ? WORDS.get("publication.notice.noReason") : reason,
        "stop",
        reason.endsWith(stop) ? "" : stop,
        "changes",
        changes.isEmpty()
            ? WORDS.get("publication.notice.unchanged", "corrects", corrects)
            : WORDS.get(
                "publication.notice.changed", "corrects", corrects, "count", changes.size()));
  }

  /**
   * The notice as a section of the PDF (reports/correction-notice.jrxml): each printed change cited
   * by the publication's own table numbers, as {@link #csv} cites it.
   */
  public Section section(PublicationContent content) {
    List<Change> shown = printed(content);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("HEADING", BOOKMARK);
    params.put("INTRO", intro(shown));
    params.put("HAS_CHANGES", !shown.isEmpty());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Change c : shown) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("where", c.where(content.tableRefs()));
      row.put("indicator", c.indicator());
      row.put("item", label(c.column()));
      row.put("old", show(c.oldValue()));
      row.put("new", show(c.newValue()));
      rows.add(row);
    }
    return new Section(TEMPLATE, BOOKMARK, params, rows);
  }

  /** The notice as lines for the terminal, as the PDF prints it. */
  public List<String> lines(PublicationContent content) {
    List<Change> shown = printed(content);
    List<String> lines = new ArrayList<>();
    lines.add(WORDS.get("publication.notice.heading", "heading", BOOKMARK, "intro", intro(shown)));
    shown.forEach(c -> lines.add("  " + c.line(content.tableRefs())));
    return lines;
  }

  private static Cell cell(String v) {
    return v.matches("-?\\d+(\\.\\d+)?") ? Cell.number(v) : Cell.text(v);
  }

  /**
   * The notice as a CSV beside the PDF, for those who check corrections by machine: the same rows
   * as the PDF's, the table as the publication numbers it (表1) and, last, as the plan and the
   * companion CSV name it (plan_table: 表2).
   */
  public byte[] csv(PublicationContent content) {
    Map<String, String> refs = content.tableRefs();
    List<List<Cell>> rows = new ArrayList<>();
    for (Change c : printed(content)) {
      rows.add(
          List.of(
              Cell.text(c.file()),
              Cell.text(refs.getOrDefault(c.table(), c.table())),
              Cell.number(c.seq()),
              Cell.text(c.indicator()),
              Cell.text(c.column()),
              cell(c.oldValue()),
              cell(c.newValue()),
              Cell.text(reason),
              Cell.text(c.table())));
    }
    return CompanionCsv.write(
        List.of(
            "file", "table", "seq", "indicator", "column", "old", "new", "reason", "plan_table"),
        rows);
  }
}
