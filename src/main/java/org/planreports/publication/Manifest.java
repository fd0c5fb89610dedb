package org.planreports.publication;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of an edition: the SHA-256 of every input and output file, the tool and
 * plan versions. Written by hand in a fixed order so the same inputs give the same bytes.
 */
public final class Manifest {

  public static final String FILE = "manifest.json";

  /** A file and its digest. */
  public record Entry(String file, String sha256, long bytes) {}

  private Manifest() {}

  public static byte[] write(Map<String, String> header, List<Entry> inputs, List<Entry> outputs) {
    StringBuilder sb = new StringBuilder("{\n");
    header.forEach((k, v) -> sb.append("  ").append(q(k)).append(": ").append(q(v)).append(",\n"));
    sb.append("  \"inputs\": ");
    entries(sb, inputs);
    sb.append(",\n  \"outputs\": ");
    entries(sb, outputs);
    sb.append("\n}\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The header fields ({@code "key": "value"} before {@code inputs}) of a manifest this class
   * wrote; empty when the text is not one.
   */
  public static Map<String, String> header(String json) {
    Map<String, String> header = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher m = HEADER.matcher(json);
    while (m.find()) {
      header.put(unq(m.group(1)), unq(m.group(2)));
    }
    return header;
  }

  private static final java.util.regex.Pattern HEADER =
      java.util.regex.Pattern.compile(
          "(?m)^  \"((?:[^\"\\\\]|\\\\.)*)\": \"((?:[^\"\\\\]|\\\\.)*)\",$");

  static String unq(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        sb.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> sb.append(n);
      }
    }
    return sb.toString();
  }

  private static void entries(StringBuilder sb, List<Entry> entries) {
    sb.append('[');
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      sb.append(i == 0 ? "\n" : ",\n")
          .append("    {\"file\": ")
          .append(q(e.file()))
          .append(", \"sha256\": ")
          .append(q(e.sha256()))
          .append(", \"bytes\": ")
          .append(e.bytes())
          .append('}');
    }
    sb.append(entries.isEmpty() ? "]" : "\n  ]");
  }

  static String q(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
