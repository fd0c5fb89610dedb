package org.planreports.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.planreports.assessment.Attribute;
import org.planreports.assessment.Comparator;
import org.planreports.assessment.Kind;

/**
 * Reads a plan catalogue: {@code plan.properties} and, beside it, {@code items.csv}, {@code
 * indicators.csv} and {@code catalogue.csv} (all UTF-8). The bundled 南川区 plan is on the classpath
 * under {@code /plan/}.
 */
public final class PlanLoader {

  static final String[] FILES = {"plan.properties", "items.csv", "indicators.csv", "catalogue.csv"};

  @FunctionalInterface
  private interface Source {
    byte[] read(String name) throws IOException;
  }

  private PlanLoader() {}

  /** The bundled plan. */
  public static Plan loadDefault() {
    return load(
        name -> {
          try (InputStream in = PlanLoader.class.getResourceAsStream("/plan/" + name)) {
            if (in == null) {
              throw new IOException("bundled plan file missing: /plan/" + name);
            }
            return in.readAllBytes();
          }
        });
  }

  /** A plan from its {@code plan.properties}; the CSV files are read from the same folder. */
  public static Plan load(Path planProperties) {
    Path dir = planProperties.toAbsolutePath().getParent();
    return load(
        name ->
            Files.readAllBytes(
                name.equals("plan.properties") ? planProperties : dir.resolve(name)));
  }

  private static Plan load(Source source) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Map<String, String> text = new LinkedHashMap<>();
      for (String name : FILES) {
        byte[] bytes = source.read(name);
        sha.update(bytes);
        text.put(name, new String(bytes, StandardCharsets.UTF_8));
      }
      PlanMeta meta = meta(text.get("plan.properties"));
      Map<String, Item> items = new LinkedHashMap<>();
      for (CSVRecord r : records(text.get("items.csv"))) {
        items.put(
            r.get("code"),
            Item.ofRange(r.get("code"), r.get("name"), r.get("unit"), r.get("range")));
      }
      Map<String, Indicator> indicators = new LinkedHashMap<>();
      for (CSVRecord r : records(text.get("indicators.csv"))) {
        Indicator ind = indicator(r, items);
        indicators.put(ind.code(), ind);
        if (ind.direct() != null) {
          items.put(ind.direct().code(), ind.direct());
        }
      }
      List<CatalogueRow> rows = new ArrayList<>();
      for (CSVRecord r : records(text.get("catalogue.csv"))) {
        rows.add(row(r, indicators));
      }
      return new Plan(meta, items, indicators, rows, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PlanMeta meta(String text) throws IOException {
    Properties p = new Properties();
    try (Reader r = new StringReader(text)) {
      p.load(r);
    }
    return new PlanMeta(
        p.getProperty("plan.id"),
        p.getProperty("plan.title"),
        p.getProperty("plan.document"),
        p.getProperty("plan.version"),
        p.getProperty("plan.short-title"),
        p.getProperty("table1.title"),
        p.getProperty("table2.title"),
        p.getProperty("region.code"),
        p.getProperty("region.name"),
        p.getProperty("publisher"),
        Integer.parseInt(p.getProperty("period.previous-base")),
        Integer.parseInt(p.getProperty("period.base")),
        Integer.parseInt(p.getProperty("period.mid")),
        Integer.parseInt(p.getProperty("period.final")));
  }

  private static Indicator indicator(CSVRecord r, Map<String, Item> items) {
    String code = r.get("code");
    Formula formula = Formula.parse(r.get("formula"));
    for (String item : formula.items()) {
      if (!items.containsKey(item)) {
        throw new IllegalArgumentException(
            "indicator " + code + ": formula uses unknown item " + item);
      }
    }
    Item direct = null;
    String directCode = r.get("direct_code");
    if (!directCode.isBlank()) {
      direct =
          new Item(
              directCode,
              r.get("name"),
              r.get("unit"),
              decimalOrNull(r.get("min")),
              decimalOrNull(r.get("max")),
              false);
    }
    return new Indicator(
        code, r.get("name"), r.get("unit"), Integer.parseInt(r.get("precision")), formula, direct);
  }

  private static CatalogueRow row(CSVRecord r, Map<String, Indicator> indicators) {
    String code = r.get("indicator");
    Indicator ind = indicators.get(code);
    if (ind == null) {
      throw new IllegalArgumentException(
          "catalogue line " + r.getRecordNumber() + ": unknown indicator " + code);
    }
    String kind = r.get("kind");
    return new CatalogueRow(
        r.get("table"),
        Integer.parseInt(r.get("seq")),
        ind,
        r.get("printed_name"),
        kind.isBlank() ? null : Kind.valueOf(kind),
        kind.isBlank() ? null : Attribute.fromLabel(r.get("attribute")),
        intOrNull(r.get("baseline_year")),
        emptyToNull(r.get("baseline_printed")),
        intOrNull(r.get("target_year")),
        emptyToNull(r.get("target_printed")),
        kind.isBlank() ? null : Comparator.parse(r.get("comparator")),
        decimalOrNull(r.get("target_value")),
        emptyToNull(r.get("annual_printed")),
        Integer.parseInt(r.get("decimals")),
        Integer.parseInt(r.get("source_line")),
        emptyToNull(r.get("note")));
  }

  private static List<CSVRecord> records(String text) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      return parser.getRecords();
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Integer intOrNull(String s) {
    return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
  }

  private static BigDecimal decimalOrNull(String s) {
    return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
  }
}
