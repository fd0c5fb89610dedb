package org.planreports.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.planreports.core.Messages;
import org.planreports.plan.Plan;
import org.planreports.plan.TableSpec;
import org.planreports.report.ProvenanceCsv;
import org.planreports.report.PublicationContent;

/**
 * The {@code datapackage.json} of an edition: its companion CSVs described as a Frictionless Data
 * Package (tabular-data-package, specs.frictionlessdata.io) — the package's name and Chinese title,
 * and for each CSV its path, name, format, encoding (utf-8-sig: UTF-8 with a BOM) and table schema:
 * every column's name (the CSV's header), Chinese title, type and, where fixed, unit (a custom
 * {@code unit} property; where a row names its unit, a description names that column). Types are
 * read from the cells: a column is {@code number} only when every cell of it is one. Built from the
 * final list of files, correction notice included, so it describes exactly what is there.
 * Deterministic: keys sorted, two-space indentation, LF line ends, no date.
 */
public final class DataPackage {

  public static final String FILE = "datapackage.json";

  private static final Messages W = Messages.bundle("appendix");

  /** Columns that are text whatever their cells look like (codes, words, values as written). */
  private static final Set<String> TEXT =
      Set.of(
          "figure",
          "region",
          "indicator",
          "indicator_name",
          "formula",
          "item",
          "item_name",
          "raw",
          "item_unit",
          "source",
          "file",
          "sha256",
          "table",
          "plan_table",
          "unit",
          "attribute",
          "comparator",
          "status",
          "note",
          "reason",
          "column",
          "old",
          "new");

  private static final Set<String> YEARS =
      Set.of("year", "baseline_year", "target_year", "year_from", "year_to");

  private static final Set<String> INTEGERS = Set.of("seq", "line");

  private static final Set<String> BOOLEANS = Set.of("preliminary", "sample");

  /** Columns whose unit is the same on every row. */
  private static final Map<String, String> UNITS =
      Map.of(
          "time_progress_pct", "%",
          "completion_pct", "%",
          "required_annual_growth_pct", "%");

  /** Columns whose unit is another column's, row by row. */
  private static final Map<String, String> UNIT_COLUMNS =
      Map.of(
          "baseline", "unit",
          "target", "unit",
          "value", "unit",
          "projection", "unit",
          "value_from", "unit",
          "value_to", "unit",
          "change", "unit",
          "item_value", "item_unit");

  private DataPackage() {}

  /**
   * The package of an edition whose companion files are {@code files} (name → bytes): the CSVs
   * among them are described, in name order.
   */
  public static byte[] of(Plan plan, PublicationContent content, Map<String, byte[]> files) {
    Map<String, Object> pkg = new TreeMap<>();
    pkg.put("profile", "tabular-data-package");
    pkg.put("name", content.key().stem().toLowerCase(java.util.Locale.ROOT));
    pkg.put("title", W.get("datapackage.title", "title", content.title()));
    pkg.put(
        "description",
        W.get(
            "datapackage.description",
            "publication",
            word(content),
            "notice",
            files.containsKey(CorrectionNotice.CSV)
                ? W.get("datapackage.description.notice")
                : ""));
    if (content.author() != null && !content.author().isBlank()) {
      pkg.put("contributors", List.of(Map.of("title", content.author(), "role", "publisher")));
    }
    List<Object> resources = new ArrayList<>();
    for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
      if (f.getKey().endsWith(".csv")) {
        resources.add(resource(plan, content, f.getKey(), f.getValue()));
      }
    }
    pkg.put("resources", resources);
    return json(pkg);
  }

  private static String word(PublicationContent content) {
    return W.get(
        content.key().type().isEvaluation()
            ? "appendix.publication.evaluation"
            : "appendix.publication.bulletin");
  }

  private static Map<String, Object> resource(
      Plan plan, PublicationContent content, String file, byte[] bytes) {
    List<CSVRecord> records = records(bytes);
    List<String> header = records.isEmpty() ? List.of() : new ArrayList<>(records.get(0).toList());
    List<CSVRecord> body = records.isEmpty() ? List.of() : records.subList(1, records.size());
    String kind =
        file.equals(ProvenanceCsv.FILE)
            ? "provenance"
            : file.equals(CorrectionNotice.CSV) ? "notice" : "table";
    Map<String, Object> r = new TreeMap<>();
    r.put("profile", "tabular-data-resource");
    r.put("path", file);
    r.put("name", file.substring(0, file.length() - 4).toLowerCase(java.util.Locale.ROOT));
    r.put("format", "csv");
    r.put("mediatype", "text/csv");
    r.put("encoding", "utf-8-sig");
    r.put("title", title(plan, content, file, kind));
    List<Object> fields = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      Map<String, Object> field = new TreeMap<>();
      field.put("name", name);
      field.put("title", fieldTitle(kind, name));
      field.put("type", type(name, i, body));
      if (UNITS.containsKey(name)) {
        field.put("unit", UNITS.get(name));
      } else if (UNIT_COLUMNS.containsKey(name) && header.contains(UNIT_COLUMNS.get(name))) {
        field.put("description", W.get("datapackage.unit.see", "column", UNIT_COLUMNS.get(name)));
      }
      fields.add(field);
    }
    r.put("schema", Map.of("fields", fields));
    return r;
  }

  private static String title(Plan plan, PublicationContent content, String file, String kind) {
    switch (kind) {
      case "provenance":
        return W.get("datapackage.resource.provenance");
      case "notice":
        return W.get("datapackage.resource.notice");
      default:
        for (TableSpec t : plan.tables()) {
          if (t.csv().equals(file)) {
            return W.get(
                "datapackage.resource.table",
                "ref",
                content.tableRefs().getOrDefault(t.name(), t.name()),
                "title",
                t.title());
          }
        }
        return file;
    }
  }

  /** The column's Chinese name: this kind of file's own, the companion CSVs', or a general one. */
  static String fieldTitle(String kind, String name) {
    String own = "datapackage.field." + kind + "." + name;
    if (W.has(own)) {
      return W.get(own);
    }
    String label = CorrectionNotice.label(name);
    if (!label.equals(name)) {
      return label;
    }
    String general = "datapackage.field." + name;
    return W.has(general) ? W.get(general) : name;
  }

  private static String type(String name, int column, List<CSVRecord> rows) {
    if (TEXT.contains(name)) {
      return "string";
    }
    boolean any = false;
    boolean number = true;
    boolean integer = true;
    boolean year = true;
    boolean bool = true;
    for (CSVRecord r : rows) {
      String v = column < r.size() ? r.get(column).strip() : "";
      if (v.isEmpty()) {
        continue;
      }
      any = true;
      number &= v.matches("-?\\d+(\\.\\d+)?");
      integer &= v.matches("-?\\d+");
      year &= v.matches("\\d{4}");
      bool &= v.equals("true") || v.equals("false");
    }
    if (BOOLEANS.contains(name)) {
      return !any || bool ? "boolean" : "string";
    }
    if (YEARS.contains(name)) {
      return !any || year ? "year" : "string";
    }
    if (INTEGERS.contains(name)) {
      return !any || integer ? "integer" : "string";
    }
    return any && number ? "number" : "string";
  }

  private static List<CSVRecord> records(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      return p.getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] json(Map<String, Object> pkg) {
    DefaultIndenter lf = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf);
    ObjectMapper mapper =
        new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    try {
      return (mapper.writer(printer).writeValueAsString(pkg) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
