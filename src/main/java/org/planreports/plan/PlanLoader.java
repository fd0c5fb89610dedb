package org.planreports.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.planreports.core.Causes;
import org.planreports.core.Messages;

/**
 * Reads a plan bundle: {@code plan.properties} and, beside it, {@code items.csv}, {@code
 * indicators.csv}, {@code catalogue.csv} and the optional {@code tables.csv} (all UTF-8). Every
 * mistake is collected with its file, line and column, and all of them are reported at once in a
 * {@link PlanBundleException}; a bundle never fails with a bare Java exception. The bundled plan is
 * on the classpath under {@code /plan/}.
 */
public final class PlanLoader {

  private static final Messages WORDS = Messages.bundle("plan-check");

  static final String PROPERTIES = "plan.properties";
  static final String ITEMS = "items.csv";
  static final String INDICATORS = "indicators.csv";
  static final String CATALOGUE = "catalogue.csv";
  static final String TABLES = "tables.csv";

  /** The publications every plan has; a bulletin's id must differ from them. */
  public static final List<String> STANDARD_PUBLICATIONS = List.of("annual", "midterm", "final");

  private static final Pattern REGION = Pattern.compile("\\d{6}");
  private static final Pattern BULLETIN_ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
  private static final Pattern CSV_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,60}\\.csv");
  private static final Pattern RANGE_TARGET =
      Pattern.compile(
          "\\s*(-?\\d{1,18}(?:\\.\\d{1,12})?)\\s*(?:"
              + PrintedNumber.anyOf("plan.range.between")
              + ")\\s*(-?\\d{1,18}(?:\\.\\d{1,12})?)\\s*");

  /** A table of the plan's own (“表3”), else a box (“专栏2”): the words of the plan. */
  private static final String TABLE_WORD = WORDS.format("plan.table.word");

  private static final Pattern PLAN_TABLE =
      Pattern.compile(
          "("
              + Pattern.quote(TABLE_WORD)
              + "|"
              + Pattern.quote(WORDS.format("plan.box.word"))
              + ")(\\d+)");

  /** Between the ids of a list (bulletins, a table's publications): commas, blanks. */
  private static final Pattern LIST_SEPARATORS =
      Pattern.compile("(?:[,\\s]|" + PrintedNumber.anyOf("plan.list.commas") + ")+");

  /**
   * A number of the bundle (target, bounds): plain decimals, no exponent, so that no figure can be
   * a gigabyte of digits when printed or overflow when compared.
   */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d{1,18}(?:\\.\\d{1,12})?");

  /** The largest bundle file read: the bundled plan's largest is about 10 KB. */
  static final long MAX_FILE_BYTES = 4L << 20;

  /** The longest cell or property value: a note of 1000 characters is the longest text printed. */
  static final int MAX_CELL = 2000;

  /**
   * Files the tool writes into an edition's folder beside the table CSVs (publication.Manifest,
   * publication.CorrectionNotice, validation.ValidationReport, report.ProvenanceCsv,
   * publication.DataPackage; PlanLoaderTest holds them equal): a table's CSV of one of these names
   * would be overwritten or dropped. Compared without case, as Windows and macOS file systems do.
   */
  static final List<String> TOOL_FILES =
      List.of(
          "manifest.json",
          "correction-notice.csv",
          "validation-report.csv",
          "validation-report.txt",
          "provenance.csv",
          "datapackage.json");

  /** Files whose names start so are left out of an edition's comparisons (publication, job). */
  static final String TOOL_PREFIX = "validation-report";

  /**
   * Where no glyph check is asked for (tests of the plan alone, the job after the command's check).
   */
  static final ToIntFunction<String> NO_GLYPH_CHECK = text -> -1;

  @FunctionalInterface
  private interface Source {
    /** The file's bytes, or null when it does not exist. */
    byte[] read(String name) throws IOException;
  }

  private PlanLoader() {}

  /** The bundled plan. */
  public static Plan loadDefault() {
    return loadDefault(NO_GLYPH_CHECK);
  }

  /**
   * The bundled plan, every text it prints checked with {@code firstUndrawable} (the index of the
   * first character the publications' fonts cannot draw, or -1).
   */
  public static Plan loadDefault(ToIntFunction<String> firstUndrawable) {
    return load(
        WORDS.format("plan.bundle.builtin"),
        firstUndrawable,
        name -> {
          try (InputStream in = PlanLoader.class.getResourceAsStream("/plan/" + name)) {
            return in == null ? null : in.readAllBytes();
          }
        });
  }

  /** A plan from its {@code plan.properties}; the CSV files are read from the same folder. */
  public static Plan load(Path planProperties) {
    return load(planProperties, NO_GLYPH_CHECK);
  }

  /**
   * A plan from its {@code plan.properties}, every text it prints checked with {@code
   * firstUndrawable} (the index of the first character the fonts cannot draw, or -1).
   */
  public static Plan load(Path planProperties, ToIntFunction<String> firstUndrawable) {
    Path file = planProperties.toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new PlanBundleException(
          planProperties.toString(),
          List.of(
              new PlanProblem(
                  planProperties.toString(), 0, "", "", WORDS.format("plan.bundle.directory"))));
    }
    Path dir = file.getParent();
    return load(
        planProperties.toString(),
        firstUndrawable,
        name -> {
          Path p = name.equals(PROPERTIES) ? file : dir.resolve(name);
          try {
            long size = Files.size(p);
            if (size > MAX_FILE_BYTES) {
              throw new IOException(WORDS.format("plan.file.size", size, MAX_FILE_BYTES));
            }
            return Files.readAllBytes(p);
          } catch (NoSuchFileException e) {
            return null;
          }
        });
  }

  private static Plan load(String bundle, ToIntFunction<String> firstUndrawable, Source source) {
    try {
      return read(bundle, firstUndrawable, source);
    } catch (RuntimeException | StackOverflowError e) {
      if (e instanceof PlanBundleException bad) {
        throw bad;
      }
      // The checks are meant to leave nothing for here; a bundle never ends in a stack trace.
      throw new PlanBundleException(
          bundle,
          List.of(new PlanProblem(bundle, 0, "", Causes.kind(e), WORDS.format("plan.unreadable"))));
    }
  }

  private static Plan read(String bundle, ToIntFunction<String> firstUndrawable, Source source) {
    Reading r = new Reading(firstUndrawable);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String> text = new LinkedHashMap<>();
    for (String name : List.of(PROPERTIES, ITEMS, INDICATORS, CATALOGUE, TABLES)) {
      byte[] bytes;
      try {
        bytes = source.read(name);
      } catch (IOException e) {
        r.problem(name, 0, "", Causes.of(e), WORDS.format("plan.file.readable"));
        continue;
      }
      if (bytes == null) {
        if (!name.equals(TABLES)) {
          r.problem(name, 0, "", "", WORDS.format("plan.file.missing", name));
        }
        continue;
      }
      // The digest covers exactly the files read, so a bundle without tables.csv keeps its digest.
      sha.update(bytes);
      String decoded = r.utf8(name, bytes);
      if (decoded != null) {
        text.put(name, decoded);
      }
    }
    if (text.containsKey(PROPERTIES)) {
      r.duplicateKeys(text.get(PROPERTIES));
    }
    Properties props = text.containsKey(PROPERTIES) ? r.properties(text.get(PROPERTIES)) : null;
    if (props != null) {
      r.glyphs(props, text.get(PROPERTIES));
      r.baseLine = Reading.lineOf(text.get(PROPERTIES), "period.base");
      r.bulletinsLine = Reading.lineOf(text.get(PROPERTIES), "bulletins");
    }
    PlanMeta meta = props == null ? null : r.meta(props, text.get(PROPERTIES));
    Map<String, Item> items = r.items(text.get(ITEMS));
    Map<String, Indicator> indicators = r.indicators(text.get(INDICATORS), items);
    List<Bulletin> bulletins = props == null ? List.of() : r.bulletins(props, text.get(PROPERTIES));
    List<CatalogueRow> rows = r.rows(text.get(CATALOGUE), indicators, meta);
    List<TableSpec> tables =
        text.containsKey(TABLES)
            ? r.tables(text.get(TABLES), bulletins)
            : defaultTables(rows, props == null ? new Properties() : props);
    r.crossCheck(rows, tables, meta, bulletins);
    r.kinds(rows, items);
    CommentaryPlacement placement =
        props == null ? CommentaryPlacement.DEFAULT : r.commentary(props, text.get(PROPERTIES));
    if (!r.problems.isEmpty() || meta == null) {
      throw new PlanBundleException(bundle, r.problems);
    }
    return new Plan(
        meta,
        items,
        indicators,
        rows,
        tables,
        bulletins,
        HexFormat.of().formatHex(sha.digest()),
        placement);
  }

  /** The line of a key in a plan.properties file, 0 when it is absent or cannot be read. */
  static long lineOf(Path planProperties, String key) {
    try {
      if (Files.size(planProperties) > MAX_FILE_BYTES) {
        return 0;
      }
      return Reading.lineOf(
          new String(Files.readAllBytes(planProperties), StandardCharsets.UTF_8), key);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The tables of a bundle without {@code tables.csv}: each catalogue table in catalogue order, its
   * title from the older {@code table1.title}/{@code table2.title} keys where they exist, a plan
   * table when its name is 表N or 专栏N, in every evaluation (a previous-period table) or in every
   * publication (a table of targets).
   */
  private static List<TableSpec> defaultTables(List<CatalogueRow> rows, Properties props) {
    Map<String, List<CatalogueRow>> byTable = new LinkedHashMap<>();
    rows.forEach(r -> byTable.computeIfAbsent(r.table(), k -> new ArrayList<>()).add(r));
    List<TableSpec> tables = new ArrayList<>();
    int other = 0;
    for (Map.Entry<String, List<CatalogueRow>> e : byTable.entrySet()) {
      String name = e.getKey();
      var m = PLAN_TABLE.matcher(name);
      boolean planTable = m.matches();
      boolean history = e.getValue().stream().noneMatch(CatalogueRow::hasTarget);
      String legacyTitle =
          planTable && m.group(1).equals(TABLE_WORD)
              ? props.getProperty("table" + m.group(2) + ".title")
              : null;
      String csv =
          planTable
              ? (m.group(1).equals(TABLE_WORD) ? "table" : "column") + m.group(2) + ".csv"
              : "targets-" + ++other + ".csv";
      tables.add(
          new TableSpec(
              name,
              legacyTitle == null ? name : legacyTitle,
              null,
              planTable ? TableSpec.Origin.PLAN : TableSpec.Origin.TEXT,
              e.getValue().stream().anyMatch(r -> r.annualPrinted() != null),
              planTable && !history,
              csv,
              history ? Set.of("midterm", "final") : Set.copyOf(STANDARD_PUBLICATIONS),
              null));
    }
    return tables;
  }

  /** The problems found so far and the helpers that find them. */
  private static final class Reading {
    final List<PlanProblem> problems = new ArrayList<>();
    final ToIntFunction<String> firstUndrawable;

    Reading(ToIntFunction<String> firstUndrawable) {
      this.firstUndrawable = firstUndrawable;
    }

    /**
     * The file's text, or null with a problem naming the line and column of the first byte that is
     * not UTF-8: a plan file saved by Excel as “CSV（逗号分隔）” is GB18030, which the bundle is not read
     * in (one encoding for a versioned file whose digest every manifest records).
     */
    String utf8(String name, byte[] bytes) {
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
      java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
      var result = decoder.decode(in, out, true);
      if (!result.isError()) {
        decoder.flush(out);
        return out.flip().toString().replace("\uFEFF", "");
      }
      int at = in.position();
      long line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
      String column;
      if (name.equals(PROPERTIES)) {
        int eq = before.indexOf('=');
        column = eq < 0 ? "" : before.substring(0, eq).strip();
      } else {
        int nl = 0;
        while (nl < bytes.length && bytes[nl] != '\n') {
          nl++;
        }
        String[] header =
            new String(bytes, 0, Math.min(nl, 4000), StandardCharsets.UTF_8)
                .replace("\uFEFF", "")
                .strip()
                .split(",", -1);
        int index = (int) before.chars().filter(c -> c == ',').count();
        column = line == 1 || index >= header.length ? "" : header[index].strip();
      }
      StringBuilder found = new StringBuilder();
      for (int i = at; i < Math.min(at + 2, bytes.length); i++) {
        found.append(String.format("0x%02X ", bytes[i] & 0xFF));
      }
      problem(name, line, column, found.toString().strip(), WORDS.format("plan.encoding"));
      return null;
    }

    /** A key given twice in plan.properties: Java keeps the last, silently. */
    void duplicateKeys(String text) {
      Map<String, Long> first = new LinkedHashMap<>();
      String[] lines = text.split("\n", -1);
      boolean continued = false;
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i].stripLeading();
        boolean startsKey = !continued && !l.isEmpty() && l.charAt(0) != '#' && l.charAt(0) != '!';
        continued = endsWithContinuation(lines[i].stripTrailing().replace("\r", ""));
        if (!startsKey) {
          continue;
        }
        int end = 0;
        while (end < l.length()
            && l.charAt(end) != '='
            && l.charAt(end) != ':'
            && !Character.isWhitespace(l.charAt(end))) {
          end += l.charAt(end) == '\\' ? 2 : 1;
        }
        String key = l.substring(0, Math.min(end, l.length()));
        Long earlier = first.putIfAbsent(key, (long) i + 1);
        if (earlier != null) {
          problems.add(
              new PlanProblem(
                  PROPERTIES,
                  i + 1,
                  key,
                  l,
                  WORDS.format("plan.key.duplicate"),
                  List.of(place(PROPERTIES, earlier, key))));
        }
      }
    }

    private static boolean endsWithContinuation(String line) {
      int slashes = 0;
      for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
        slashes++;
      }
      return slashes % 2 == 1;
    }

    /** Every value of plan.properties: the title, names and publisher are printed. */
    void glyphs(Properties p, String text) {
      for (String key : p.stringPropertyNames()) {
        String v = p.getProperty(key);
        if (v.length() > MAX_CELL) {
          problem(
              PROPERTIES, lineOf(text, key), key, v, WORDS.format("plan.cell.length", MAX_CELL));
        } else {
          glyph(PROPERTIES, lineOf(text, key), key, v);
        }
      }
    }

    /** A text the publications may print, checked against the fonts. */
    void glyph(String file, long line, String column, String text) {
      int at = firstUndrawable.applyAsInt(text);
      if (at >= 0) {
        int cp = text.codePointAt(at);
        problem(
            file,
            line,
            column,
            text,
            WORDS.format(
                "plan.glyph",
                text.codePointCount(0, at) + 1,
                String.format("U+%04X", cp),
                new String(Character.toChars(cp))));
      }
    }

    /**
     * A QUALITATIVE row needs an indicator the office reports in words (range class status), and a
     * row of any other kind one it reports in numbers: otherwise words are refused as the office's
     * error, or 2/1/0 are assessed as figures.
     */
    void kinds(List<CatalogueRow> rows, Map<String, Item> items) {
      for (CatalogueRow row : rows) {
        if (row.kind() == null) {
          continue;
        }
        Indicator ind = row.indicator();
        boolean words =
            !ind.formula().items().isEmpty()
                && ind.formula().items().stream()
                    .allMatch(i -> items.containsKey(i) && items.get(i).statusWord());
        if (words == (row.kind() == Kind.QUALITATIVE)) {
          continue;
        }
        List<PlanProblem.Place> also = new ArrayList<>();
        also.add(place(INDICATORS, indicatorLines.get(ind.code()), "formula"));
        ind.formula().items().forEach(i -> also.add(place(ITEMS, itemLines.get(i), "range")));
        problems.add(
            new PlanProblem(
                CATALOGUE,
                rowLines.getOrDefault(row, 0L),
                "kind",
                row.kind().name(),
                WORDS.format(words ? "plan.kind.words" : "plan.kind.numbers", ind.code()),
                also));
      }
    }

    /** Where each item, indicator and table is declared, for mistakes between two files. */
    final Map<String, Long> itemLines = new LinkedHashMap<>();

    final Map<String, Long> indicatorLines = new LinkedHashMap<>();
    final Map<String, Long> directLines = new LinkedHashMap<>();

    /** The lines of plan.properties that catalogue and tables refer to (0: absent). */
    long baseLine;

    long bulletinsLine;
    final Map<String, Long> tableLines = new LinkedHashMap<>();
    final Map<CatalogueRow, Long> rowLines = new java.util.IdentityHashMap<>();

    static PlanProblem.Place place(String file, Long line, String column) {
      return new PlanProblem.Place(file, line == null ? 0 : line, column);
    }

    void problem(String file, long line, String column, String text, String expected) {
      problems.add(new PlanProblem(file, line, column, text, expected));
    }

    Properties properties(String text) {
      Properties p = new Properties();
      try (Reader reader = new StringReader(text)) {
        p.load(reader);
      } catch (IOException | IllegalArgumentException e) {
        problem(PROPERTIES, 0, "", Causes.of(e), WORDS.format("plan.properties.format"));
      }
      return p;
    }

    /** The line of a key in plan.properties, 0 when it is absent. */
    static long lineOf(String text, String key) {
      String[] lines = text.split("\n", -1);
      Pattern p = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:].*");
      for (int i = 0; i < lines.length; i++) {
        if (p.matcher(lines[i]).matches()) {
          return i + 1;
        }
      }
      return 0;
    }

    String required(Properties p, String text, String key, String expected) {
      String v = p.getProperty(key);
      if (v == null || v.isBlank()) {
        problem(PROPERTIES, lineOf(text, key), key, "", expected);
        return null;
      }
      return v.strip();
    }

    static String optional(Properties p, String key) {
      String v = p.getProperty(key);
      return v == null || v.isBlank() ? null : v.strip();
    }

    Integer year(Properties p, String text, String key, boolean required) {
      String v = required ? required(p, text, key, WORDS.format("plan.year")) : optional(p, key);
      if (v == null) {
        return null;
      }
      Integer y = parseYear(v);
      if (y == null) {
        problem(PROPERTIES, lineOf(text, key), key, v, WORDS.format("plan.year.range"));
      }
      return y;
    }

    PlanMeta meta(Properties p, String text) {
      String id = required(p, text, "plan.id", WORDS.format("plan.meta.id"));
      String title = required(p, text, "plan.title", WORDS.format("plan.meta.title"));
      String shortTitle =
          required(p, text, "plan.short-title", WORDS.format("plan.meta.short-title"));
      String region = required(p, text, "region.code", WORDS.format("plan.meta.region.code"));
      if (region != null && !REGION.matcher(region).matches()) {
        problem(
            PROPERTIES,
            lineOf(text, "region.code"),
            "region.code",
            region,
            WORDS.format("plan.meta.region.code"));
        region = null;
      }
      String regionName = required(p, text, "region.name", WORDS.format("plan.meta.region.name"));
      String publisher = required(p, text, "publisher", WORDS.format("plan.meta.publisher"));
      Integer previous = year(p, text, "period.previous-base", false);
      Integer base = year(p, text, "period.base", true);
      Integer mid = year(p, text, "period.mid", true);
      Integer fin = year(p, text, "period.final", true);
      if (base != null && mid != null && fin != null) {
        if (!(base < mid && mid < fin)) {
          problem(
              PROPERTIES,
              lineOf(text, "period.mid"),
              "period.base/period.mid/period.final",
              base + "/" + mid + "/" + fin,
              WORDS.format("plan.period.order"));
          return null;
        }
        if (previous != null && previous >= base) {
          problem(
              PROPERTIES,
              lineOf(text, "period.previous-base"),
              "period.previous-base",
              String.valueOf(previous),
              WORDS.format("plan.period.previous", base));
          return null;
        }
      }
      if (Arrays.asList(id, title, shortTitle, region, regionName, publisher, base, mid, fin)
          .contains(null)) {
        return null;
      }
      return new PlanMeta(
          id,
          title,
          optional(p, "plan.document"),
          optional(p, "plan.version"),
          shortTitle,
          region,
          regionName,
          publisher,
          previous,
          base,
          mid,
          fin);
    }

    /**
     * Where the office's commentary goes ({@code commentary.before-summary}, {@code
     * commentary.after-tables}); a list not set keeps its default.
     */
    CommentaryPlacement commentary(Properties p, String text) {
      // Set but empty: no heading goes there (every heading is then placed after the tables).
      String before = p.getProperty("commentary.before-summary");
      String after = p.getProperty("commentary.after-tables");
      List<String> b =
          before == null
              ? CommentaryPlacement.DEFAULT.beforeSummary()
              : CommentaryPlacement.split(before);
      List<String> a =
          after == null
              ? CommentaryPlacement.DEFAULT.afterTables()
              : CommentaryPlacement.split(after);
      var twice = CommentaryPlacement.problem(b, a);
      if (twice.isPresent()) {
        String key = after != null ? "commentary.after-tables" : "commentary.before-summary";
        problem(
            PROPERTIES,
            lineOf(text, key),
            key,
            twice.get(),
            Messages.bundle("commentary").get("commentary.placement.twice"));
      }
      return new CommentaryPlacement(b, a);
    }

    List<Bulletin> bulletins(Properties p, String text) {
      List<Bulletin> out = new ArrayList<>();
      String ids = optional(p, "bulletins");
      if (ids == null) {
        return out;
      }
      for (String id : LIST_SEPARATORS.split(ids)) {
        if (id.isBlank()) {
          continue;
        }
        if (!BULLETIN_ID.matcher(id).matches() || STANDARD_PUBLICATIONS.contains(id)) {
          problem(
              PROPERTIES,
              lineOf(text, "bulletins"),
              "bulletins",
              id,
              WORDS.format("plan.bulletin.id"));
          continue;
        }
        String title =
            required(p, text, "bulletin." + id + ".title", WORDS.format("plan.bulletin.title", id));
        if (title != null) {
          out.add(new Bulletin(id, title));
        }
      }
      return out;
    }

    List<CSVRecord> records(String file, String text, String... columns) {
      if (text == null) {
        return List.of();
      }
      CSVFormat format =
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
      try (CSVParser parser =
          CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
        Set<String> header = new LinkedHashSet<>(parser.getHeaderNames());
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
          if (!header.contains(c)) {
            missing.add(c);
          }
        }
        if (!missing.isEmpty()) {
          problem(
              file,
              1,
              String.join(",", missing),
              "",
              WORDS.get("plan.csv.header", "columns", String.join(",", columns)));
          return List.of();
        }
        List<CSVRecord> out = new ArrayList<>();
        for (CSVRecord r : parser) {
          if (cellsFit(file, r)) {
            out.add(r);
          }
        }
        return out;
      } catch (IOException | RuntimeException e) {
        problem(file, 0, "", Causes.of(e), WORDS.format("plan.csv.format"));
        return List.of();
      }
    }

    /** Each cell within its length and drawable by the fonts (every text may be printed). */
    private boolean cellsFit(String file, CSVRecord r) {
      boolean fits = true;
      for (Map.Entry<String, String> cell : r.toMap().entrySet()) {
        String v = cell.getValue();
        if (v == null) {
          continue;
        }
        if (v.length() > MAX_CELL) {
          problem(file, line(r), cell.getKey(), v, WORDS.format("plan.cell.length", MAX_CELL));
          fits = false;
        } else {
          glyph(file, line(r), cell.getKey(), v);
        }
      }
      return fits;
    }

    /** The line a record starts on: the header is line 1. */
    static long line(CSVRecord r) {
      return r.getRecordNumber() + 1;
    }

    Map<String, Item> items(String text) {
      Map<String, Item> items = new LinkedHashMap<>();
      for (CSVRecord r : records(ITEMS, text, "code", "name", "unit", "range")) {
        String code = r.get("code");
        if (code.isEmpty() || items.containsKey(code)) {
          problem(
              ITEMS,
              line(r),
              "code",
              code,
              code.isEmpty()
                  ? WORDS.format("plan.item.code")
                  : WORDS.format("plan.item.code.unique"));
          continue;
        }
        // A unit may be empty: an index (区域科技创新指数) has none.
        itemLines.put(code, line(r));
        try {
          items.put(code, Item.ofRange(code, r.get("name"), r.get("unit"), r.get("range")));
        } catch (IllegalArgumentException e) {
          problem(ITEMS, line(r), "range", r.get("range"), WORDS.format("plan.item.range"));
        }
      }
      return items;
    }

    Map<String, Indicator> indicators(String text, Map<String, Item> items) {
      Map<String, Indicator> indicators = new LinkedHashMap<>();
      for (CSVRecord r :
          records(
              INDICATORS,
              text,
              "code",
              "name",
              "unit",
              "precision",
              "formula",
              "direct_code",
              "min",
              "max")) {
        String code = r.get("code");
        long line = line(r);
        if (code.isEmpty() || indicators.containsKey(code)) {
          problem(
              INDICATORS,
              line,
              "code",
              code,
              code.isEmpty()
                  ? WORDS.format("plan.indicator.code")
                  : WORDS.format("plan.indicator.code.unique"));
          continue;
        }
        Formula formula;
        try {
          formula = Formula.parse(r.get("formula"));
        } catch (RuntimeException e) {
          problem(
              INDICATORS,
              line,
              "formula",
              r.get("formula"),
              WORDS.format("plan.formula", Formula.MAX_LENGTH, Formula.MAX_DEPTH));
          continue;
        }
        if (formula.hasConstantZeroDivisor()) {
          problem(INDICATORS, line, "formula", r.get("formula"), WORDS.format("plan.formula.zero"));
        }
        boolean ok = true;
        for (String item : formula.items()) {
          if (!items.containsKey(item)) {
            problems.add(
                new PlanProblem(
                    INDICATORS,
                    line,
                    "formula",
                    item,
                    WORDS.format("plan.indicator.formula.item"),
                    List.of(place(ITEMS, 1L, "code"))));
            ok = false;
          }
        }
        Integer precision = parseInt(r.get("precision"));
        if (precision == null || precision < 0 || precision > 6) {
          problem(
              INDICATORS,
              line,
              "precision",
              r.get("precision"),
              WORDS.format("plan.indicator.precision"));
          ok = false;
        }
        BigDecimal min = decimal(INDICATORS, line, "min", r.get("min"));
        BigDecimal max = decimal(INDICATORS, line, "max", r.get("max"));
        if (!ok) {
          continue;
        }
        Item direct = null;
        String directCode = r.get("direct_code");
        if (!directCode.isEmpty() && items.containsKey(directCode)) {
          // An item's code or another indicator's direct code: two statistics under one code.
          Long other = itemLines.get(directCode);
          String otherFile = other != null ? ITEMS : INDICATORS;
          if (other == null) {
            other = directLines.get(directCode);
          }
          problems.add(
              new PlanProblem(
                  INDICATORS,
                  line,
                  "direct_code",
                  directCode,
                  WORDS.format("plan.direct.taken"),
                  List.of(
                      place(otherFile, other, otherFile.equals(ITEMS) ? "code" : "direct_code"))));
        } else if (!directCode.isEmpty()) {
          directLines.put(directCode, line);
          // An indicator over status words is reported as a status word under its direct code too.
          boolean words =
              !formula.items().isEmpty()
                  && formula.items().stream().allMatch(i -> items.get(i).statusWord());
          direct =
              words
                  ? new Item(directCode, r.get("name"), r.get("unit"), min, max, true, true)
                  : new Item(directCode, r.get("name"), r.get("unit"), min, max, false);
          items.put(directCode, direct);
        }
        indicatorLines.put(code, line);
        indicators.put(
            code,
            new Indicator(
                code, r.get("name"), r.get("unit"), precision, formula, direct, min, max));
      }
      return indicators;
    }

    List<CatalogueRow> rows(String text, Map<String, Indicator> indicators, PlanMeta meta) {
      List<CatalogueRow> rows = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (CSVRecord r :
          records(
              CATALOGUE,
              text,
              "table",
              "seq",
              "indicator",
              "printed_name",
              "kind",
              "attribute",
              "baseline_year",
              "baseline_printed",
              "target_year",
              "target_printed",
              "comparator",
              "target_value",
              "annual_printed",
              "decimals",
              "source_line",
              "note")) {
        CatalogueRow row = row(r, indicators, meta, seen);
        if (row != null) {
          rows.add(row);
          rowLines.put(row, line(r));
        }
      }
      return rows;
    }

    private CatalogueRow row(
        CSVRecord r, Map<String, Indicator> indicators, PlanMeta meta, Set<String> seen) {
      long line = line(r);
      int before = problems.size();
      String table = r.get("table");
      if (table.isEmpty()) {
        problem(CATALOGUE, line, "table", "", WORDS.format("plan.catalogue.table"));
      }
      Integer seq = parseInt(r.get("seq"));
      if (seq == null || seq < 1) {
        problem(CATALOGUE, line, "seq", r.get("seq"), WORDS.format("plan.catalogue.seq"));
      } else if (!seen.add(table + "#" + seq)) {
        problem(
            CATALOGUE,
            line,
            "seq",
            r.get("seq"),
            WORDS.get("plan.catalogue.seq.unique", "table", table));
      }
      Indicator ind = indicators.get(r.get("indicator"));
      if (ind == null) {
        problems.add(
            new PlanProblem(
                CATALOGUE,
                line,
                "indicator",
                r.get("indicator"),
                WORDS.format("plan.catalogue.indicator"),
                List.of(place(INDICATORS, 1L, "code"))));
      }
      if (r.get("printed_name").isEmpty()) {
        problem(CATALOGUE, line, "printed_name", "", WORDS.format("plan.catalogue.printed-name"));
      }
      Integer decimals = parseInt(r.get("decimals"));
      if (decimals == null || decimals < 0 || decimals > 6) {
        problem(
            CATALOGUE,
            line,
            "decimals",
            r.get("decimals"),
            WORDS.format("plan.catalogue.decimals"));
      }
      String sourceText = r.get("source_line");
      Integer sourceLine = sourceText.isEmpty() ? null : parseInt(sourceText);
      if (!sourceText.isEmpty() && (sourceLine == null || sourceLine < 1)) {
        problem(
            CATALOGUE, line, "source_line", sourceText, WORDS.format("plan.catalogue.source-line"));
      }
      Integer baselineYear = null;
      if (!r.get("baseline_year").isEmpty()) {
        baselineYear = parseYear(r.get("baseline_year"));
        if (baselineYear == null) {
          problem(
              CATALOGUE,
              line,
              "baseline_year",
              r.get("baseline_year"),
              WORDS.format("plan.catalogue.baseline-year"));
        }
      }
      Kind kind = null;
      Attribute attribute = null;
      Integer targetYear = null;
      Comparator comparator = null;
      BigDecimal value = null;
      BigDecimal upper = null;
      String kindText = r.get("kind");
      if (!kindText.isEmpty()) {
        try {
          kind = Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          problem(
              CATALOGUE,
              line,
              "kind",
              kindText,
              WORDS.get("plan.catalogue.kind", "kinds", kindNames()));
        }
      }
      if (kind != null) {
        if (!r.get("attribute").isEmpty()) {
          try {
            attribute = Attribute.fromLabel(r.get("attribute"));
          } catch (IllegalArgumentException e) {
            problem(
                CATALOGUE,
                line,
                "attribute",
                r.get("attribute"),
                WORDS.format("plan.catalogue.attribute"));
          }
        }
        targetYear = parseYear(r.get("target_year"));
        if (targetYear == null) {
          problem(
              CATALOGUE,
              line,
              "target_year",
              r.get("target_year"),
              WORDS.format("plan.catalogue.target-year"));
        }
        try {
          comparator = Comparator.parse(r.get("comparator"));
        } catch (IllegalArgumentException e) {
          problem(
              CATALOGUE,
              line,
              "comparator",
              r.get("comparator"),
              WORDS.format("plan.catalogue.comparator"));
        }
        String v = r.get("target_value");
        var range = RANGE_TARGET.matcher(v);
        if (kind == Kind.RANGE) {
          if (range.matches()) {
            value = new BigDecimal(range.group(1));
            upper = new BigDecimal(range.group(2));
            if (value.compareTo(upper) >= 0) {
              problem(
                  CATALOGUE, line, "target_value", v, WORDS.format("plan.catalogue.range.order"));
            }
          } else {
            problem(CATALOGUE, line, "target_value", v, WORDS.format("plan.catalogue.range"));
          }
        } else if (kind == Kind.QUALITATIVE) {
          if (!v.isEmpty()) {
            problem(
                CATALOGUE,
                line,
                "target_value",
                v,
                WORDS.format("plan.catalogue.qualitative.value"));
          }
          if (r.get("target_printed").isEmpty()) {
            problem(
                CATALOGUE,
                line,
                "target_printed",
                "",
                WORDS.format("plan.catalogue.qualitative.printed"));
          }
        } else if (range.matches()) {
          problem(
              CATALOGUE,
              line,
              "kind",
              kindText,
              WORDS.get("plan.catalogue.kind.range", "target", v));
        } else {
          value = decimal(CATALOGUE, line, "target_value", v);
          if (value == null && v.isEmpty()) {
            problem(
                CATALOGUE, line, "target_value", "", WORDS.format("plan.catalogue.target-value"));
          }
        }
      }
      String baselineText = r.get("baseline_printed");
      if (kind != null && ind != null && !PrintedNumber.isBlank(baselineText)) {
        baselineYear = baseline(kind, ind, decimals, baselineText, baselineYear, meta, line);
      }
      if (meta != null && targetYear != null && targetYear <= meta.baseYear()) {
        problems.add(
            new PlanProblem(
                CATALOGUE,
                line,
                "target_year",
                r.get("target_year"),
                WORDS.format("plan.catalogue.target-year.after", meta.baseYear()),
                List.of(place(PROPERTIES, baseLine, "period.base"))));
      }
      if (problems.size() > before) {
        return null;
      }
      CatalogueRow row =
          new CatalogueRow(
              table,
              seq,
              ind,
              r.get("printed_name"),
              kind,
              attribute,
              baselineYear,
              emptyToNull(r.get("baseline_printed")),
              targetYear,
              emptyToNull(r.get("target_printed")),
              comparator,
              value,
              upper,
              emptyToNull(r.get("annual_printed")),
              decimals,
              sourceLine,
              emptyToNull(r.get("note")));
      if (row.hasTarget()) {
        try {
          Target.of(row);
        } catch (IllegalArgumentException e) {
          problem(CATALOGUE, line, "target_value", r.get("target_value"), targetRule(Causes.of(e)));
          return null;
        }
      }
      return row;
    }

    /**
     * Checks a printed baseline of a target row (METRICS.md, rulings of 2026-12-05: a baseline the
     * plan prints, with or without its unit, is the baseline) and returns its year: the row's, else
     * the plan's base year, the year a plan's 现状值 column is of.
     */
    private Integer baseline(
        Kind kind,
        Indicator ind,
        Integer decimals,
        String text,
        Integer year,
        PlanMeta meta,
        long line) {
      PrintedNumber.Reading read = PrintedNumber.read(text, ind.unit());
      String column = "baseline_printed";
      if (read.problem() == PrintedNumber.Problem.NOT_A_NUMBER) {
        problem(CATALOGUE, line, column, text, unitWords("plan.baseline.number", ind.unit()));
      } else if (read.problem() == PrintedNumber.Problem.WRONG_UNIT) {
        problems.add(
            new PlanProblem(
                CATALOGUE,
                line,
                column,
                text,
                unitWords("plan.baseline.unit", ind.unit()),
                List.of(place(INDICATORS, indicatorLines.get(ind.code()), "unit"))));
      } else if (kind == Kind.MILESTONE || kind == Kind.QUALITATIVE) {
        problem(CATALOGUE, line, column, text, WORDS.format("plan.baseline.none", kind.name()));
      } else if (kind == Kind.CUMULATIVE && read.value().signum() != 0) {
        problem(CATALOGUE, line, column, text, WORDS.format("plan.baseline.cumulative"));
      } else if (kind != Kind.GROWTH
          && decimals != null
          && read.value().stripTrailingZeros().scale() > decimals) {
        problem(CATALOGUE, line, column, text, WORDS.format("plan.baseline.decimals", decimals));
      }
      return year != null || meta == null ? year : Integer.valueOf(meta.baseYear());
    }

    List<TableSpec> tables(String text, List<Bulletin> bulletins) {
      List<TableSpec> tables = new ArrayList<>();
      Map<String, Long> csvLines = new LinkedHashMap<>();
      Set<String> known = new LinkedHashSet<>(STANDARD_PUBLICATIONS);
      bulletins.forEach(b -> known.add(b.id()));
      for (CSVRecord r : records(TABLES, text, "table", "title", "origin", "publications", "csv")) {
        long line = line(r);
        int before = problems.size();
        String name = r.get("table");
        if (name.isEmpty() || tables.stream().anyMatch(t -> t.name().equals(name))) {
          problem(
              TABLES,
              line,
              "table",
              name,
              name.isEmpty()
                  ? WORDS.format("plan.tables.table")
                  : WORDS.format("plan.tables.table.unique"));
        }
        if (r.get("title").isEmpty()) {
          problem(TABLES, line, "title", "", WORDS.format("plan.tables.title"));
        }
        TableSpec.Origin origin = null;
        switch (r.get("origin").toLowerCase(Locale.ROOT)) {
          case "plan" -> origin = TableSpec.Origin.PLAN;
          case "text" -> origin = TableSpec.Origin.TEXT;
          default ->
              problem(TABLES, line, "origin", r.get("origin"), WORDS.format("plan.tables.origin"));
        }
        Boolean annual = flag(r, "annual", line);
        Boolean charts = flag(r, "charts", line);
        String csv = r.get("csv");
        String lower = csv.toLowerCase(Locale.ROOT);
        if (!CSV_NAME.matcher(csv).matches()) {
          problem(TABLES, line, "csv", csv, WORDS.format("plan.tables.csv"));
        } else if (TOOL_FILES.contains(lower) || lower.startsWith(TOOL_PREFIX)) {
          problem(
              TABLES,
              line,
              "csv",
              csv,
              WORDS.format("plan.csv.reserved", String.join(separator(), TOOL_FILES), TOOL_PREFIX));
        } else if (csvLines.containsKey(lower)) {
          problems.add(
              new PlanProblem(
                  TABLES,
                  line,
                  "csv",
                  csv,
                  WORDS.format("plan.tables.csv"),
                  List.of(place(TABLES, csvLines.get(lower), "csv"))));
        } else {
          csvLines.put(lower, line);
        }
        Set<String> pubs = new LinkedHashSet<>();
        for (String p : LIST_SEPARATORS.split(r.get("publications"))) {
          if (p.isBlank()) {
            continue;
          }
          if (!known.contains(p)) {
            problems.add(
                new PlanProblem(
                    TABLES,
                    line,
                    "publications",
                    p,
                    WORDS.get(
                        "plan.tables.publications",
                        "publications",
                        String.join(separator(), known)),
                    List.of(place(PROPERTIES, bulletinsLine, "bulletins"))));
          }
          pubs.add(p);
        }
        if (pubs.isEmpty()) {
          problem(
              TABLES,
              line,
              "publications",
              "",
              WORDS.get(
                  "plan.tables.publications.none",
                  "publications",
                  String.join(separator(), known)));
        }
        if (problems.size() > before) {
          continue;
        }
        tableLines.put(name, line);
        tables.add(
            new TableSpec(
                name,
                r.get("title"),
                optionalColumn(r, "heading"),
                origin,
                annual,
                charts,
                csv,
                pubs,
                optionalColumn(r, "change_header")));
      }
      return tables;
    }

    private Boolean flag(CSVRecord r, String column, long line) {
      String v = optionalColumn(r, column);
      if (v == null) {
        return false;
      }
      String w = v.toLowerCase(Locale.ROOT);
      if (w.equals("yes") || w.equals("true") || w.equals(WORDS.format("plan.flag.yes"))) {
        return true;
      }
      if (w.equals("no") || w.equals("false") || w.equals(WORDS.format("plan.flag.no"))) {
        return false;
      }
      problem(TABLES, line, column, v, WORDS.format("plan.tables.flag"));
      return false;
    }

    private static String optionalColumn(CSVRecord r, String column) {
      return r.isMapped(column) && !r.get(column).isBlank() ? r.get(column).strip() : null;
    }

    /**
     * Mistakes between two files, each named at both ends: the catalogue row (or table line) and
     * the declaration it contradicts.
     */
    void crossCheck(
        List<CatalogueRow> rows, List<TableSpec> tables, PlanMeta meta, List<Bulletin> bulletins) {
      Set<String> declared = new LinkedHashSet<>();
      tables.forEach(t -> declared.add(t.name()));
      Set<String> reported = new LinkedHashSet<>();
      for (CatalogueRow row : rows) {
        if (!declared.contains(row.table()) && reported.add(row.table())) {
          problems.add(
              new PlanProblem(
                  CATALOGUE,
                  rowLines.getOrDefault(row, 0L),
                  "table",
                  row.table(),
                  WORDS.get(
                      "plan.catalogue.table.declared",
                      "tables",
                      String.join(separator(), declared)),
                  List.of(place(TABLES, 1L, "table"))));
        }
      }
      for (TableSpec t : tables) {
        List<CatalogueRow> own = rows.stream().filter(r -> r.table().equals(t.name())).toList();
        PlanProblem.Place declaredAt =
            tableLines.containsKey(t.name())
                ? place(TABLES, tableLines.get(t.name()), "table")
                : own.isEmpty() ? place(TABLES, 0L, "table") : rowPlace(own.get(0), "table");
        if (own.isEmpty()) {
          problems.add(
              new PlanProblem(
                  TABLES,
                  declaredAt.line(),
                  "table",
                  t.name(),
                  WORDS.format("plan.tables.rows"),
                  List.of(place(CATALOGUE, 1L, "table"))));
          continue;
        }
        boolean history = own.stream().noneMatch(CatalogueRow::hasTarget);
        if (!history && own.stream().anyMatch(r -> !r.hasTarget())) {
          CatalogueRow without = own.stream().filter(r -> !r.hasTarget()).findFirst().get();
          CatalogueRow with = own.stream().filter(CatalogueRow::hasTarget).findFirst().get();
          problems.add(
              new PlanProblem(
                  CATALOGUE,
                  rowLines.getOrDefault(without, 0L),
                  "kind",
                  t.name(),
                  WORDS.format("plan.tables.kinds"),
                  List.of(rowPlace(with, "kind"))));
        }
        if (history && meta != null && meta.previousBaseYear() == null) {
          problems.add(
              new PlanProblem(
                  PROPERTIES,
                  0,
                  "period.previous-base",
                  "",
                  WORDS.get("plan.tables.history.previous", "table", t.name()),
                  List.of(declaredAt)));
        }
        if (history
            && (t.carriedBy("annual") || bulletins.stream().anyMatch(b -> t.carriedBy(b.id())))) {
          problems.add(
              new PlanProblem(
                  TABLES,
                  declaredAt.line(),
                  "publications",
                  t.name(),
                  WORDS.format("plan.tables.history.publications"),
                  List.of(rowPlace(own.get(0), "kind"))));
        }
      }
    }

    private PlanProblem.Place rowPlace(CatalogueRow row, String column) {
      return place(CATALOGUE, rowLines.get(row), column);
    }

    private BigDecimal decimal(String file, long line, String column, String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      if (!PLAIN_NUMBER.matcher(text.strip()).matches()) {
        problem(file, line, column, text, WORDS.format("plan.number"));
        return null;
      }
      return new BigDecimal(text.strip());
    }
  }

  private static String kindNames() {
    return String.join(separator(), Arrays.stream(Kind.values()).map(Enum::name).toList());
  }

  private static String separator() {
    return WORDS.format("plan.separator");
  }

  /** A target the method cannot assess, in the bundle author's terms. */
  /**
   * What a baseline is expected to be, naming the indicator's unit; for an indicator without one
   * (blank or “—”), words that do not name an empty unit.
   */
  private static String unitWords(String key, String unit) {
    return unit == null || unit.isBlank() || unit.strip().equals("—")
        ? WORDS.format(key + ".unitless")
        : WORDS.format(key, unit);
  }

  private static String targetRule(String message) {
    return WORDS.get("plan.target.rule", "rule", message);
  }

  private static Integer parseInt(String s) {
    try {
      return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer parseYear(String s) {
    Integer y = parseInt(s);
    return y == null || y < 1900 || y > 2100 ? null : y;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
