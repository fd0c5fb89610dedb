package org.planreports.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.planreports.core.Finding;
import org.planreports.core.Limits;
import org.planreports.core.Messages;

/**
 * Reads one Excel workbook (.xlsx) into raw rows like a CSV file: every sheet whose first row is
 * the extract's header row, the cached value of a formula (never evaluated), a number as the
 * decimal Excel shows (15 significant digits, no binary noise: 1.28 stays 1.28). Sheets are pulled
 * row by row from their XML (StAX), so memory does not grow with a sheet; only the shared strings
 * are held, within {@link WorkbookLimits}. Whatever the workbook holds — a zip bomb, an encrypted
 * or damaged file, a cell error such as #DIV/0! — is a finding naming the file, and for a cell its
 * sheet, row and column letter ({@code Sheet1!D}); nothing is thrown.
 */
public final class WorkbookReader extends RowSource {

  private static final Messages WORDS = Messages.bundle("workbook");
  private static final Messages INPUT = Messages.bundle("input");

  /** The header words of the template's item-name column: known, not read. */
  static final List<String> ITEM_NAME = List.of("item_name", WORDS.format("workbook.column.name"));

  /** The template's explanation sheet: known, skipped without a warning. */
  static final String EXPLANATION_SHEET = WORDS.format("workbook.sheet.explanation");

  private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_UP);

  private final String file;
  private final WorkbookLimits limits;
  private OPCPackage pkg;
  private ReadOnlySharedStringsTable strings;
  private Styles styles = Styles.NONE;
  private XSSFReader.SheetIterator sheets;
  private Sheet sheet;
  private long rows;
  private int dataSheets;
  private boolean finished;

  private WorkbookReader(String file, Path path, WorkbookLimits limits) {
    this.file = file;
    this.limits = limits;
    try {
      start(path);
    } catch (Exception e) {
      fail(e);
    }
  }

  /** The rows of the workbook at {@code path}, named {@code file} in findings. */
  public static WorkbookReader open(String file, Path path) {
    return open(file, path, WorkbookLimits.DEFAULT);
  }

  static WorkbookReader open(String file, Path path, WorkbookLimits limits) {
    synchronized (WorkbookReader.class) {
      limits.applyZipLimits();
    }
    return new WorkbookReader(file, path, limits);
  }

  /** Every row of a workbook (tests, small files). */
  public static List<RawRow> read(String file, Path path) {
    List<RawRow> all = new ArrayList<>();
    try (WorkbookReader r = open(file, path)) {
      r.forEachRemaining(all::add);
    }
    return all;
  }

  private void start(Path path) throws Exception {
    org.planreports.core.TextRules.undrawable(file, 0, "", INPUT.format("input.file.name"), file)
        .ifPresent(f -> ready.add(new RawRow(file, 0, null, List.of(f))));
    long size = Files.size(path);
    if (size == 0) {
      finish(
          fileError(
              "E_EMPTY",
              INPUT.format("input.file.empty"),
              WORDS.format("workbook.rows.none.expected")));
      return;
    }
    if (size > limits.fileBytes()) {
      finish(
          fileError(
              "E_WORKBOOK_LIMIT",
              WORDS.get("workbook.limit.file", "size", mib(size), "max", mib(limits.fileBytes())),
              WORDS.format("workbook.limit.expected")));
      return;
    }
    FileMagic magic;
    try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(path))) {
      magic = FileMagic.valueOf(in);
    }
    if (magic == FileMagic.OLE2) {
      finish(ole2(path));
      return;
    }
    if (magic != FileMagic.OOXML) {
      finish(
          fileError(
              "E_WORKBOOK_FORMAT",
              WORDS.format("workbook.format.not"),
              WORDS.format("workbook.format.expected")));
      return;
    }
    pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
    XSSFReader reader = new XSSFReader(pkg);
    PackagePart sst = part(XSSFRelation.SHARED_STRINGS.getContentType());
    if (sst != null) {
      try (InputStream in =
          new LimitedInputStream(
              sst.getInputStream(),
              WORDS.format("workbook.part.strings"),
              limits.sharedStringBytes())) {
        strings = new ReadOnlySharedStringsTable(in, false);
      }
    }
    PackagePart st = part(XSSFRelation.STYLES.getContentType());
    if (st != null) {
      try (InputStream in =
          new LimitedInputStream(
              st.getInputStream(), WORDS.format("workbook.part.styles"), limits.stylesBytes())) {
        styles = Styles.read(in);
      }
    }
    sheets = reader.getSheetIterator();
  }

  private PackagePart part(String contentType) {
    var parts = pkg.getPartsByContentType(contentType);
    return parts.isEmpty() ? null : parts.get(0);
  }

  /** An OLE2 file named .xlsx: a workbook saved with a password, or an old .xls renamed. */
  private RawRow ole2(Path path) {
    boolean encrypted;
    try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
      encrypted = fs.getRoot().hasEntry("EncryptedPackage");
    } catch (IOException | RuntimeException e) {
      encrypted = false;
    }
    return encrypted
        ? fileError(
            "E_WORKBOOK_ENCRYPTED",
            WORDS.format("workbook.encrypted"),
            WORDS.format("workbook.encrypted.expected"))
        : fileError(
            "E_WORKBOOK_FORMAT",
            WORDS.format("workbook.format.xls"),
            WORDS.format("workbook.format.expected"));
  }

  // --- rows ----------------------------------------------------------------------------------

  @Override
  protected void advance() {
    while (ready.isEmpty() && !finished) {
      try {
        step();
      } catch (Exception e) {
        fail(e);
      }
    }
  }

  /** Reads on until a row (or a finding) is ready or the workbook ends. */
  private void step() throws Exception {
    if (sheet == null) {
      if (sheets == null || !sheets.hasNext()) {
        finish(
            dataSheets == 0 || rows == 0
                ? fileError(
                    "E_EMPTY",
                    WORDS.format(dataSheets == 0 ? "workbook.sheets.none" : "workbook.rows.none"),
                    WORDS.format("workbook.rows.none.expected"))
                : null);
        return;
      }
      InputStream in = sheets.next();
      String name = sheets.getSheetName();
      sheet = new Sheet(name, new LimitedInputStream(in, name, limits.entryBytes()));
      if (!sheet.header()) {
        closeSheet();
      }
      return;
    }
    Row row = sheet.nextRow();
    if (row == null) {
      closeSheet();
      return;
    }
    if (row.blank()) {
      return;
    }
    rows++;
    if (rows > limits.rows()) {
      finish(
          fileError(
              "E_WORKBOOK_LIMIT",
              WORDS.get("workbook.limit.rows", "max", limits.rows()),
              WORDS.format("workbook.limit.expected")));
      return;
    }
    ready.addAll(sheet.rawRows(row));
  }

  private void closeSheet() throws IOException {
    if (sheet != null) {
      sheet.close();
      sheet = null;
    }
  }

  /** One cell as read: its column (0-based), text, and what is wrong with it. */
  private record Cell(int column, String text, Finding problem) {}

  private record Row(long number, List<Cell> cells) {
    boolean blank() {
      return cells.stream().allMatch(c -> c.problem() == null && c.text().isBlank());
    }
  }

  /** One sheet, pulled row by row from its XML. */
  private final class Sheet implements Closeable {
    private final String name;
    private final InputStream in;
    private final XMLStreamReader xml;
    private long lastRow;
    private String[] columns = new String[0];
    // A wide sheet (the template's): the year of each year column, e.g. 2023 or 2023年.
    private Integer[] years = new Integer[0];
    private boolean wide;
    private Finding unitColumnMissing;

    Sheet(String name, InputStream in) throws XMLStreamException {
      this.name = name;
      this.in = in;
      this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
    }

    String ref(int column) {
      return name + "!" + letters(column);
    }

    /** Reads the header row; false when the sheet is not one to read (said, if need be). */
    boolean header() throws XMLStreamException {
      Row first = nextRow();
      while (first != null && first.blank()) {
        first = nextRow();
      }
      if (first == null) {
        return false; // an empty sheet: nothing to read, nothing to say
      }
      int width = first.cells().stream().mapToInt(Cell::column).max().orElse(-1) + 1;
      columns = new String[width];
      years = new Integer[width];
      List<Finding> problems = new ArrayList<>();
      int known = 0;
      for (Cell c : first.cells()) {
        String h = c.text().strip();
        String canonical = h.length() > Limits.HEADER ? null : Columns.canonical(h);
        if (canonical != null || ITEM_NAME.stream().anyMatch(h::equalsIgnoreCase)) {
          known++;
        }
        Integer year = canonical == null ? year(h) : null;
        if (year != null) {
          years[c.column()] = year;
          continue;
        }
        if (canonical != null && java.util.Arrays.asList(columns).contains(canonical)) {
          problems.add(
              Finding.error(
                  "E_DUPLICATE_COLUMN",
                  file,
                  first.number(),
                  ref(c.column()),
                  h,
                  INPUT.get(
                      "input.column.duplicate",
                      "column",
                      canonical,
                      "header",
                      Columns.CHINESE.get(canonical)),
                  INPUT.format("input.column.duplicate.expected")));
          continue;
        }
        columns[c.column()] = canonical;
        if (canonical == null
            && !h.isEmpty()
            && ITEM_NAME.stream().noneMatch(h::equalsIgnoreCase)) {
          problems.add(
              Finding.warning(
                  "W_EXTRA_COLUMN",
                  file,
                  first.number(),
                  ref(c.column()),
                  Limits.shorten(h, 20),
                  INPUT.format("input.column.unknown"),
                  String.join(INPUT.format("input.separator"), Columns.ALL)));
        }
      }
      List<String> named = java.util.Arrays.asList(columns);
      wide =
          java.util.Arrays.stream(years).anyMatch(java.util.Objects::nonNull)
              && !named.contains(Columns.YEAR)
              && !named.contains(Columns.VALUE);
      if (!wide) {
        // A long sheet has its years in the year column: a year heading is an unknown column.
        for (int i = 0; i < years.length; i++) {
          if (years[i] != null) {
            problems.add(
                Finding.warning(
                    "W_EXTRA_COLUMN",
                    file,
                    first.number(),
                    ref(i),
                    String.valueOf(years[i]),
                    INPUT.format("input.column.unknown"),
                    String.join(INPUT.format("input.separator"), Columns.ALL)));
            years[i] = null;
          }
        }
      }
      if (known == 0) {
        if (!name.equals(EXPLANATION_SHEET)) {
          ready.add(
              new RawRow(
                  file,
                  first.number(),
                  null,
                  List.of(
                      Finding.warning(
                          "W_SHEET_SKIPPED",
                          file,
                          first.number(),
                          name + "!" + first.number(),
                          first.cells().stream()
                              .map(Cell::text)
                              .filter(t -> !t.isBlank())
                              .findFirst()
                              .orElse(""),
                          WORDS.get("workbook.sheet.skipped", "sheet", name),
                          WORDS.format("workbook.sheet.skipped.expected")))));
        }
        return false;
      }
      List<String> present = java.util.Arrays.asList(columns);
      for (String required : Columns.REQUIRED) {
        boolean inYearColumns =
            wide && (required.equals(Columns.YEAR) || required.equals(Columns.VALUE));
        if (!present.contains(required) && !inYearColumns) {
          Finding missing =
              Finding.error(
                  "E_MISSING_COLUMN",
                  file,
                  first.number(),
                  name + "!" + first.number(),
                  "",
                  INPUT.get(
                      "input.column.missing",
                      "column",
                      required,
                      "header",
                      Columns.CHINESE.get(required)),
                  INPUT.get(
                      "input.column.missing.expected",
                      "columns",
                      String.join(INPUT.format("input.separator"), Columns.REQUIRED)));
          if (required.equals(Columns.UNIT)) {
            unitColumnMissing = missing;
          } else {
            problems.add(missing);
          }
        }
      }
      boolean errors = problems.stream().anyMatch(Finding::isError);
      if (unitColumnMissing != null && errors) {
        problems.add(unitColumnMissing);
      }
      if (!problems.isEmpty()) {
        ready.add(new RawRow(file, first.number(), null, problems));
      }
      if (errors) {
        return false;
      }
      dataSheets++;
      return true;
    }

    /**
     * The rows of one sheet row: itself, or in a wide sheet one per filled year cell (an empty year
     * cell is no figure), each pointing at its own cell.
     */
    List<RawRow> rawRows(Row row) {
      Map<String, String> cells = new LinkedHashMap<>();
      Map<String, String> refs = new HashMap<>();
      List<Finding> problems = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        if (columns[i] != null) {
          cells.put(columns[i], "");
          refs.put(columns[i], ref(i));
        }
      }
      List<Cell> yearCells = new ArrayList<>();
      for (Cell c : row.cells()) {
        if (wide && c.column() < years.length && years[c.column()] != null) {
          yearCells.add(c);
          continue;
        }
        String column = c.column() < columns.length ? columns[c.column()] : null;
        if (column == null) {
          continue;
        }
        if (c.problem() != null) {
          problems.add(c.problem());
        } else {
          cells.put(column, c.text());
        }
      }
      if (!wide) {
        return List.of(new RawRow(file, row.number(), cells, problems, unitColumnMissing, refs));
      }
      List<RawRow> out = new ArrayList<>();
      if (!problems.isEmpty()) {
        out.add(new RawRow(file, row.number(), null, problems));
      }
      for (Cell c : yearCells) {
        if (c.problem() == null && c.text().isBlank()) {
          continue;
        }
        Map<String, String> yearRow = new LinkedHashMap<>(cells);
        Map<String, String> yearRefs = new HashMap<>(refs);
        yearRow.put(Columns.YEAR, String.valueOf(years[c.column()]));
        yearRow.put(Columns.VALUE, c.problem() == null ? c.text() : "");
        yearRefs.put(Columns.YEAR, ref(c.column()));
        yearRefs.put(Columns.VALUE, ref(c.column()));
        out.add(
            new RawRow(
                file,
                row.number(),
                yearRow,
                c.problem() == null ? List.of() : List.of(c.problem()),
                unitColumnMissing,
                yearRefs));
      }
      return out;
    }

    /** The next {@code <row>} of the sheet, or null at its end. */
    Row nextRow() throws XMLStreamException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          String r = xml.getAttributeValue(null, "r");
          long number = r == null ? lastRow + 1 : Long.parseLong(r.strip());
          lastRow = number;
          return new Row(number, cells(number));
        }
      }
      return null;
    }

    private List<Cell> cells(long number) throws XMLStreamException {
      TreeMap<Integer, Cell> cells = new TreeMap<>();
      int next = 0;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
          break;
        }
        if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
          String r = xml.getAttributeValue(null, "r");
          int column = r == null ? next : column(r);
          next = column + 1;
          Cell c = cell(number, column);
          if (column <= MAX_COLUMN) {
            cells.put(column, c);
          }
        }
      }
      return new ArrayList<>(cells.values());
    }

    /** One {@code <c>}: reads up to its end element. */
    private Cell cell(long number, int column) throws XMLStreamException {
      String type = xml.getAttributeValue(null, "t");
      String style = xml.getAttributeValue(null, "s");
      StringBuilder value = new StringBuilder();
      StringBuilder inline = new StringBuilder();
      boolean formula = false;
      boolean hasValue = false;
      long length = 0;
      int phonetic = 0;
      String in = "";
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String n = xml.getLocalName();
          switch (n) {
            case "f" -> formula = true;
            case "v" -> hasValue = true;
            case "rPh" -> phonetic++;
            default -> {}
          }
          in = n;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String n = xml.getLocalName();
          if (n.equals("c")) {
            break;
          }
          if (n.equals("rPh")) {
            phonetic--;
          }
          in = "";
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          StringBuilder target =
              in.equals("v") ? value : in.equals("t") && phonetic == 0 ? inline : null;
          if (target != null) {
            length += xml.getTextLength();
            if (target.length() <= Limits.LINE) {
              target.append(
                  xml.getTextCharacters(),
                  xml.getTextStart(),
                  Math.min(xml.getTextLength(), Limits.LINE + 1 - target.length()));
            }
          }
        }
      }
      String ref = ref(column);
      if (length > Limits.LINE) {
        return new Cell(
            column,
            "",
            Finding.error(
                "E_TOO_LONG",
                file,
                number,
                ref,
                value.length() > 0 ? value.toString() : inline.toString(),
                WORDS.get("workbook.cell.long", "length", length, "max", Limits.LINE),
                WORDS.get("workbook.cell.long.expected", "max", Limits.LINE)));
      }
      String v = value.toString();
      if (type == null) {
        type = "n";
      }
      if (formula && !hasValue && !type.equals("inlineStr")) {
        return new Cell(
            column,
            "",
            Finding.error(
                "E_FORMULA_NO_VALUE",
                file,
                number,
                ref,
                "",
                WORDS.format("workbook.formula.novalue"),
                WORDS.format("workbook.formula.novalue.expected")));
      }
      return switch (type) {
        case "s" -> new Cell(column, shared(v), null);
        case "inlineStr" -> new Cell(column, inline.toString(), null);
        case "str", "d" -> new Cell(column, v, null);
        case "b" -> new Cell(column, v.strip().equals("1") ? "TRUE" : "FALSE", null);
        case "e" ->
            new Cell(
                column,
                "",
                Finding.error(
                    "E_CELL_ERROR",
                    file,
                    number,
                    ref,
                    v,
                    WORDS.get("workbook.cell.error", "error", v),
                    WORDS.format("workbook.cell.error.expected")));
        default -> new Cell(column, v.isBlank() ? "" : number(v, style), null);
      };
    }

    private String shared(String index) {
      try {
        return strings == null
            ? ""
            : strings.getItemAt(Integer.parseInt(index.strip())).getString();
      } catch (RuntimeException e) {
        return "";
      }
    }

    private String number(String raw, String style) {
      int xf = 0;
      try {
        xf = style == null ? 0 : Integer.parseInt(style.strip());
      } catch (NumberFormatException e) {
        xf = 0;
      }
      int id = styles.formatId(xf);
      String format = styles.format(id);
      try {
        double d = Double.parseDouble(raw.strip());
        if (format != null && DateUtil.isADateFormat(id, format) && DateUtil.isValidExcelDate(d)) {
          LocalDateTime t = DateUtil.getLocalDateTime(d);
          return t.toLocalTime().toSecondOfDay() == 0
              ? t.toLocalDate().toString()
              : t.toString().replace('T', ' ');
        }
        String text = decimal(raw);
        if (format != null && isPercent(format)) {
          // What the cell shows: a share typed as 12.5% is 0.125 underneath.
          return decimal(new BigDecimal(text).movePointRight(2).toPlainString()) + "%";
        }
        return text;
      } catch (NumberFormatException e) {
        return raw;
      }
    }

    @Override
    public void close() throws IOException {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        throw new IOException(e);
      }
      in.close();
    }
  }

  private static final int MAX_COLUMN = 16_383; // XFD, Excel's last column

  private static final String YEAR_SUFFIX = WORDS.format("workbook.year.suffix");

  /** The year of a year heading ("2023", "2023" + the year word), or null. */
  static Integer year(String heading) {
    String h = heading.strip();
    if (h.endsWith(YEAR_SUFFIX)) {
      h = h.substring(0, h.length() - YEAR_SUFFIX.length()).strip();
    }
    if (h.length() != 4 || !h.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      return null;
    }
    int y = Integer.parseInt(h);
    return y >= 1949 && y <= 2100 ? y : null;
  }

  /**
   * The decimal Excel shows for a number stored as {@code raw}: at most 15 significant digits, no
   * exponent, no trailing zeros ("2.5299999999999998" → "2.53", "1.28" → "1.28").
   */
  static String decimal(String raw) {
    BigDecimal d = new BigDecimal(raw.strip()).round(EXCEL_DIGITS).stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    return d.toPlainString();
  }

  private static boolean isPercent(String format) {
    boolean quoted = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\') {
        i++;
      } else if (c == '%' && !quoted) {
        return true;
      }
    }
    return false;
  }

  /** The column letters of a 0-based column: 0 → A, 26 → AA. */
  static String letters(int column) {
    StringBuilder sb = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      sb.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return sb.toString();
  }

  /** The 0-based column of a cell reference such as {@code AB12}. */
  static int column(String ref) {
    int c = 0;
    for (int i = 0; i < ref.length(); i++) {
      char ch = Character.toUpperCase(ref.charAt(i));
      if (ch < 'A' || ch > 'Z') {
        break;
      }
      c = c * 26 + (ch - 'A' + 1);
      if (c > MAX_COLUMN + 1) {
        return MAX_COLUMN + 1;
      }
    }
    return c - 1;
  }

  /** The number formats of the workbook's cell styles (numFmtId of each cellXfs entry). */
  private record Styles(List<Integer> xfFormats, Map<Integer, String> formats) {
    static final Styles NONE = new Styles(List.of(), Map.of());

    static Styles read(InputStream in) throws XMLStreamException {
      XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
      List<Integer> xfs = new ArrayList<>();
      Map<Integer, String> formats = new HashMap<>();
      boolean cellXfs = false;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          switch (xml.getLocalName()) {
            case "numFmt" -> {
              Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
              String code = xml.getAttributeValue(null, "formatCode");
              if (id != null && code != null) {
                formats.put(id, code);
              }
            }
            case "cellXfs" -> cellXfs = true;
            case "xf" -> {
              if (cellXfs) {
                Integer id = integer(xml.getAttributeValue(null, "numFmtId"));
                xfs.add(id == null ? 0 : id);
              }
            }
            default -> {}
          }
        } else if (event == XMLStreamConstants.END_ELEMENT
            && xml.getLocalName().equals("cellXfs")) {
          cellXfs = false;
        }
      }
      xml.close();
      return new Styles(xfs, formats);
    }

    int formatId(int xf) {
      return xf >= 0 && xf < xfFormats.size() ? xfFormats.get(xf) : 0;
    }

    String format(int id) {
      String custom = formats.get(id);
      return custom != null ? custom : BuiltinFormats.getBuiltinFormat(id);
    }

    private static Integer integer(String s) {
      try {
        return s == null ? null : Integer.valueOf(s.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  // --- failures --------------------------------------------------------------------------------

  /** Whatever stopped the workbook, as its finding: a limit (hostile zip) or an unreadable file. */
  private void fail(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LimitedInputStream.TooBig big) {
        finish(
            fileError(
                "E_WORKBOOK_LIMIT",
                WORDS.get("workbook.limit.part", "part", big.what, "max", mib(big.max)),
                WORDS.format("workbook.limit.expected")));
        return;
      }
      String m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("max size") || m.contains("zip-file")) {
        finish(
            fileError(
                "E_WORKBOOK_LIMIT",
                WORDS.format("workbook.limit.zip"),
                WORDS.format("workbook.limit.expected")));
        return;
      }
    }
    finish(
        fileError(
            "E_WORKBOOK_FORMAT",
            WORDS.get("workbook.unreadable", "detail", Limits.shorten(String.valueOf(e), 200)),
            WORDS.format("workbook.format.expected")));
  }

  private RawRow fileError(String code, String message, String expected) {
    return new RawRow(
        file, 0, null, List.of(Finding.error(code, file, 0, "", "", message, expected)));
  }

  private static String mib(long bytes) {
    return BigDecimal.valueOf(bytes)
        .divide(BigDecimal.valueOf(1L << 20), 1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString();
  }

  private void finish(RawRow last) {
    if (last != null) {
      ready.add(last);
    }
    finished = true;
    try {
      closeSheet();
    } catch (IOException e) {
      // already failing or finished: nothing more to read from it
    }
  }

  @Override
  public void close() {
    try {
      closeSheet();
    } catch (IOException e) {
      // closing what was read: nothing to report
    }
    if (pkg != null) {
      pkg.revert();
      pkg = null;
    }
  }
}
