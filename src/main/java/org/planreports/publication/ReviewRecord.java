package org.planreports.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.planreports.core.Messages;
import org.planreports.ingest.InputSet;

/**
 * The record ({@value ReviewLayout#RECORD}) of exactly what a review copy was made from: the
 * digests of every input file, the plan bundle, the office's commentary files ({@code
 * commentary/*.md} beside the extracts), the publication's figures digest and the tool version.
 * {@code publish} compares it with what is there now ({@link #differences}) and refuses, asking for
 * a new review, when anything changed.
 *
 * @param status what publishing it would do: {@code first}, {@code unchanged} or {@code corrected}
 * @param edition the edition it would become (or, unchanged, the latest edition)
 */
public record ReviewRecord(
    String toolVersion,
    String planDigest,
    String region,
    String publication,
    String status,
    int edition,
    String figuresDigest,
    Sources sources) {

  private static final Messages WORDS = Messages.bundle("review");

  /** The folder beside the extracts that holds the office's commentary. */
  public static final String COMMENTARY = "commentary";

  /**
   * What a publication is made from, as a review and a publish see it.
   *
   * @param inputDigest the input set's digest ({@link InputSet#digest()})
   * @param inputs every input file and its digest
   * @param commentaryDigest the digest of the commentary files ("" when there are none)
   * @param commentary every commentary file and its digest
   */
  public record Sources(
      String toolVersion,
      String planDigest,
      String inputDigest,
      List<Manifest.Entry> inputs,
      String commentaryDigest,
      List<Manifest.Entry> commentary) {

    public Sources {
      inputs = List.copyOf(inputs);
      commentary = List.copyOf(commentary);
    }

    /** What the input folder holds now, with the plan's digest and this tool's version. */
    public static Sources of(String toolVersion, String planDigest, InputSet inputs) {
      List<Manifest.Entry> files =
          inputs.files().stream()
              .map(f -> new Manifest.Entry(f.name(), f.sha256(), f.size()))
              .toList();
      List<Manifest.Entry> commentary = ReviewRecord.commentary(inputs.folder());
      return new Sources(
          toolVersion, planDigest, inputs.digest(), files, digest(commentary), commentary);
    }
  }

  /** Every {@code *.md} in {@code <input>/commentary}, by name; none when there is no folder. */
  public static List<Manifest.Entry> commentary(Path input) {
    Path dir = input.resolve(COMMENTARY);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      List<Manifest.Entry> entries = new ArrayList<>();
      for (Path p :
          list.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".md"))
              .filter(Files::isRegularFile)
              .sorted()
              .toList()) {
        entries.add(
            new Manifest.Entry(
                COMMENTARY + "/" + p.getFileName(), InputSet.sha256Hex(p), Files.size(p)));
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The digest of a list of files: "" for none. */
  static String digest(List<Manifest.Entry> files) {
    if (files.isEmpty()) {
      return "";
    }
    MessageDigest sha = InputSet.sha256();
    for (Manifest.Entry e : files) {
      sha.update((e.file() + "\n" + e.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return InputSet.hex(sha.digest());
  }

  /**
   * What changed between the review and now, one sentence each for the operator; empty when the
   * review copy is still what would be published.
   */
  public static List<String> differences(Sources reviewed, Sources now) {
    List<String> out = new ArrayList<>();
    if (!reviewed.inputDigest().equals(now.inputDigest())) {
      files(reviewed.inputs(), now.inputs(), "review.stale.input", out);
      if (out.isEmpty()) {
        out.add(WORDS.get("review.stale.input"));
      }
    }
    if (!reviewed.commentaryDigest().equals(now.commentaryDigest())) {
      int before = out.size();
      files(reviewed.commentary(), now.commentary(), "review.stale.commentary", out);
      if (out.size() == before) {
        out.add(WORDS.get("review.stale.commentary"));
      }
    }
    if (!reviewed.planDigest().equals(now.planDigest())) {
      out.add(WORDS.get("review.stale.plan"));
    }
    if (!reviewed.toolVersion().equals(now.toolVersion())) {
      out.add(
          WORDS.get(
              "review.stale.tool", "reviewed", reviewed.toolVersion(), "now", now.toolVersion()));
    }
    return out;
  }

  private static void files(
      List<Manifest.Entry> before, List<Manifest.Entry> after, String key, List<String> out) {
    Map<String, String> was = new TreeMap<>();
    before.forEach(e -> was.put(e.file(), e.sha256()));
    Map<String, String> is = new TreeMap<>();
    after.forEach(e -> is.put(e.file(), e.sha256()));
    TreeMap<String, String> all = new TreeMap<>(was);
    all.putAll(is);
    for (String f : all.keySet()) {
      if (!is.containsKey(f)) {
        out.add(WORDS.get(key + ".removed", "file", f));
      } else if (!was.containsKey(f)) {
        out.add(WORDS.get(key + ".added", "file", f));
      } else if (!was.get(f).equals(is.get(f))) {
        out.add(WORDS.get(key + ".changed", "file", f));
      }
    }
  }

  /** The record's bytes: written by hand in a fixed order, so the same review gives the same. */
  public byte[] write() {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("tool", "plan-reports");
    h.put("tool_version", toolVersion);
    h.put("plan_digest", planDigest);
    h.put("region", region);
    h.put("publication", publication);
    h.put("status", status);
    h.put("edition", String.valueOf(edition));
    h.put("figures_digest", figuresDigest);
    h.put("input_digest", sources.inputDigest());
    h.put("commentary_digest", sources.commentaryDigest());
    StringBuilder sb = new StringBuilder("{\n");
    h.forEach(
        (k, v) ->
            sb.append("  ").append(Manifest.q(k)).append(": ").append(Manifest.q(v)).append(",\n"));
    sb.append("  \"inputs\": ");
    entries(sb, sources.inputs());
    sb.append(",\n  \"commentary\": ");
    entries(sb, sources.commentary());
    sb.append("\n}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void entries(StringBuilder sb, List<Manifest.Entry> entries) {
    sb.append('[');
    for (int i = 0; i < entries.size(); i++) {
      Manifest.Entry e = entries.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\"file\": ")
          .append(Manifest.q(e.file()))
          .append(", \"sha256\": ")
          .append(Manifest.q(e.sha256()))
          .append(", \"bytes\": ")
          .append(e.bytes())
          .append('}');
    }
    sb.append(entries.isEmpty() ? "]" : "\n  ]");
  }

  private static final Pattern ENTRY =
      Pattern.compile(
          "\\{\"file\": \"((?:[^\"\\\\]|\\\\.)*)\", \"sha256\": \"([0-9a-f]*)\", \"bytes\":"
              + " ([0-9]+)\\}");

  /** The record a review wrote; empty when the file is not one (then the copy is not released). */
  public static Optional<ReviewRecord> read(Path file) {
    String json;
    try {
      LinkGuard.refuseLink(file);
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return Optional.empty();
    }
    Map<String, String> h = Manifest.header(json);
    int inputs = json.indexOf("\"inputs\": ");
    int commentary = json.indexOf("\"commentary\": ");
    if (inputs < 0 || commentary < inputs) {
      return Optional.empty();
    }
    for (String k :
        List.of(
            "tool_version",
            "plan_digest",
            "region",
            "publication",
            "status",
            "edition",
            "figures_digest",
            "input_digest",
            "commentary_digest")) {
      if (!h.containsKey(k)) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(
          new ReviewRecord(
              h.get("tool_version"),
              h.get("plan_digest"),
              h.get("region"),
              h.get("publication"),
              h.get("status"),
              Integer.parseInt(h.get("edition")),
              h.get("figures_digest"),
              new Sources(
                  h.get("tool_version"),
                  h.get("plan_digest"),
                  h.get("input_digest"),
                  entries(json.substring(inputs, commentary)),
                  h.get("commentary_digest"),
                  entries(json.substring(commentary)))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<Manifest.Entry> entries(String json) {
    List<Manifest.Entry> out = new ArrayList<>();
    Matcher m = ENTRY.matcher(json);
    while (m.find()) {
      out.add(new Manifest.Entry(Manifest.unq(m.group(1)), m.group(2), Long.parseLong(m.group(3))));
    }
    return out;
  }
}
