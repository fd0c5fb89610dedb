package org.planreports.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planreports.core.Finding;
import org.planreports.core.Glyphs;
import org.planreports.core.Limits;
import org.planreports.core.Messages;

/**
 * The office's own text for one publication ({@code commentary/{publication}.md}), read from a
 * small Markdown subset: {@code #} headings open a section, {@code ##} headings a part of one,
 * consecutive lines join into a paragraph, {@code -}/{@code *}/{@code +} and {@code 1.}/{@code 1、}
 * lines are list items, blank lines end a paragraph or item. Anything else Markdown has (tables,
 * images, links, HTML, code, quotes, emphasis) is printed as written, with a warning. Figures are
 * references {@code {{CODE:YEAR}}}, resolved when the publication is composed.
 *
 * @param file the file as findings name it ({@code commentary/2023-midterm.md})
 * @param sections the sections in file order
 * @param findings what is wrong with the text (errors and warnings), each with its line
 */
public record Commentary(String file, List<Section> sections, List<Finding> findings)
    implements Serializable {

  static final Messages WORDS = Messages.bundle("commentary");

  /** A reference to a figure: the indicator code and the year. */
  public static final Pattern REFERENCE =
      Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*:\\s*(\\d{4})\\s*}}");

  public Commentary {
    sections = List.copyOf(sections);
    findings = List.copyOf(findings);
  }

  public boolean hasErrors() {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** A {@code #} section: its heading, the line of the heading and its blocks. */
  public record Section(String heading, long line, List<Block> blocks) implements Serializable {
    public Section {
      blocks = List.copyOf(blocks);
    }
  }

  /** What a block is. */
  public enum Kind {
    /** A {@code ##} heading within a section. */
    HEADING,
    PARAGRAPH,
    /** A list item; its marker is “•” or the number as written (“1.”, “2、”). */
    ITEM
  }

  /**
   * One block: its kind, list marker (null but for items), text as written with lines joined, and
   * the references in it with their lines, in order.
   */
  public record Block(Kind kind, String marker, String text, long line, List<Reference> references)
      implements Serializable {
    public Block {
      references = List.copyOf(references);
    }
  }

  /** A {@code {{CODE:YEAR}}} in the text: as written, its code and year, and its line. */
  public record Reference(String raw, String code, int year, long line) implements Serializable {}

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s*(.*?)\\s*#*\\s*$");
  private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+(.*)$");
  private static final Pattern NUMBERED =
      Pattern.compile(
          "^(\\d{1,3})(\\.\\s+|["
              + Pattern.quote(WORDS.get("commentary.numbered.marks"))
              + "]\\s*)(.*)$");
  private static final Pattern TABLE = Pattern.compile("^\\|.*|.*\\|\\s*-{3,}.*");
  private static final Pattern IMAGE = Pattern.compile(".*!\\[[^]]*]\\(.*");
  private static final Pattern LINK = Pattern.compile(".*\\[[^]]*]\\([^)]*\\).*|.*<https?://.*");
  private static final Pattern HTML = Pattern.compile(".*<(/?[A-Za-z][A-Za-z0-9]*|!--)[^>]*>.*");
  private static final Pattern CODE = Pattern.compile("^(```|~~~).*");
  private static final Pattern QUOTE = Pattern.compile("^>.*");
  private static final Pattern EMPHASIS = Pattern.compile(".*(\\*\\*|__|`).*");

  /** Parses the text of a file (decoded, without a byte order mark). */
  public static Commentary parse(String file, String text) {
    return new Parser(file).parse(text);
  }

  private static final class Parser {
    private final String file;
    private final List<Finding> findings = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Long> headings = new LinkedHashMap<>();
    private String heading;
    private long headingLine;
    private List<Block> blocks = new ArrayList<>();
    // The block being read: kind, marker, text, first line, references.
    private Kind kind;
    private String marker;
    private StringBuilder text;
    private long first;
    private List<Reference> refs;

    Parser(String file) {
      this.file = file;
    }

    Commentary parse(String all) {
      String[] lines = all.split("\r\n|\r|\n", -1);
      boolean inCode = false;
      for (int i = 0; i < lines.length; i++) {
        long n = i + 1L;
        String raw = lines[i];
        if (raw.length() > Limits.LINE) {
          error(
              n,
              raw,
              WORDS.get("commentary.line.long", "length", raw.length()),
              WORDS.get("commentary.line.long.expected", "max", Limits.LINE));
          continue;
        }
        String line = raw.strip();
        if (line.isEmpty()) {
          end();
          continue;
        }
        int bad = Glyphs.firstUndrawable(line);
        if (bad >= 0) {
          int cp = line.codePointAt(bad);
          error(
              n,
              line,
              WORDS.get(
                  "commentary.glyph",
                  "at",
                  line.codePointCount(0, bad) + 1,
                  "code",
                  String.format(java.util.Locale.ROOT, "U+%04X", cp),
                  "char",
                  new String(Character.toChars(cp))),
              WORDS.get(
                  "commentary.glyph.expected",
                  "code",
                  String.format(java.util.Locale.ROOT, "U+%04X", cp)));
        }
        if (CODE.matcher(line).matches()) {
          inCode = !inCode;
          markup(n, line, "commentary.markup.code");
        } else if (!inCode) {
          warnMarkup(n, line);
        }
        Matcher h = inCode ? null : HEADING.matcher(line);
        if (h != null && h.matches()) {
          end();
          heading(n, line, h.group(1).length(), h.group(2));
          continue;
        }
        if (heading == null) {
          error(
              n,
              line,
              WORDS.get("commentary.before-heading"),
              WORDS.get("commentary.before-heading.expected"));
          continue;
        }
        Matcher b = inCode ? null : BULLET.matcher(line);
        Matcher o = inCode ? null : NUMBERED.matcher(line);
        if (b != null && b.matches()) {
          end();
          start(Kind.ITEM, "•", n);
          append(n, b.group(1));
        } else if (o != null && o.matches()) {
          end();
          start(Kind.ITEM, o.group(1) + o.group(2).strip(), n);
          append(n, o.group(3));
        } else {
          if (kind == null || kind == Kind.HEADING) {
            end();
            start(Kind.PARAGRAPH, null, n);
          }
          append(n, line);
        }
      }
      end();
      closeSection();
      if (sections.isEmpty() && findings.stream().noneMatch(Finding::isError)) {
        findings.add(
            Finding.error(
                "E_COMMENTARY",
                file,
                0,
                "",
                "",
                WORDS.get("commentary.file.empty"),
                WORDS.get("commentary.file.empty.expected")));
      }
      return new Commentary(file, sections, findings);
    }

    private void heading(long n, String line, int level, String words) {
      if (words.isEmpty()) {
        error(
            n,
            line,
            WORDS.get("commentary.heading.empty"),
            WORDS.get("commentary.heading.empty.expected"));
        return;
      }
      if (level == 1) {
        closeSection();
        Long before = headings.putIfAbsent(words, n);
        if (before != null) {
          error(
              n,
              line,
              WORDS.get("commentary.heading.twice", "heading", words, "line", before),
              WORDS.get("commentary.heading.twice.expected"));
        }
        heading = words;
        headingLine = n;
        return;
      }
      if (level > 2) {
        findings.add(
            Finding.warning(
                "W_COMMENTARY",
                file,
                n,
                "",
                line,
                WORDS.get("commentary.heading.deep"),
                WORDS.get("commentary.heading.deep.expected")));
      }
      if (heading == null) {
        error(
            n,
            line,
            WORDS.get("commentary.before-heading"),
            WORDS.get("commentary.before-heading.expected"));
        return;
      }
      start(Kind.HEADING, null, n);
      append(n, words);
      end();
    }

    private void start(Kind k, String m, long n) {
      kind = k;
      marker = m;
      text = new StringBuilder();
      first = n;
      refs = new ArrayList<>();
    }

    /** Adds a line to the block: Chinese lines join directly, words of Latin script by a blank. */
    private void append(long n, String line) {
      references(n, line);
      if (text.length() > 0
          && isWordChar(text.charAt(text.length() - 1))
          && isWordChar(line.charAt(0))) {
        text.append(' ');
      }
      text.append(line);
    }

    private static boolean isWordChar(char c) {
      return c < 0x80 && (Character.isLetterOrDigit(c) || c == '%' || c == ',' || c == '.');
    }

    /** The references of a line; any {{ or }} that is not part of one is an error. */
    private void references(long n, String line) {
      Matcher m = REFERENCE.matcher(line);
      StringBuilder rest = new StringBuilder();
      int at = 0;
      while (m.find()) {
        refs.add(new Reference(m.group(), m.group(1), Integer.parseInt(m.group(2)), n));
        rest.append(line, at, m.start()).append(' ');
        at = m.end();
      }
      rest.append(line.substring(at));
      if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
        error(
            n,
            line,
            WORDS.get("commentary.ref.malformed"),
            WORDS.get("commentary.ref.malformed.expected"));
      }
    }

    private void end() {
      if (kind != null) {
        blocks.add(new Block(kind, marker, text.toString(), first, refs));
      }
      kind = null;
    }

    private void closeSection() {
      if (heading == null) {
        return;
      }
      if (blocks.stream().noneMatch(b -> b.kind() != Kind.HEADING)) {
        findings.add(
            Finding.warning(
                "W_COMMENTARY",
                file,
                headingLine,
                "",
                heading,
                WORDS.get("commentary.section.empty", "heading", heading),
                WORDS.get("commentary.section.empty.expected")));
      } else {
        sections.add(new Section(heading, headingLine, blocks));
      }
      heading = null;
      blocks = new ArrayList<>();
    }

    private void warnMarkup(long n, String line) {
      if (TABLE.matcher(line).matches()) {
        markup(n, line, "commentary.markup.table");
      } else if (IMAGE.matcher(line).matches()) {
        markup(n, line, "commentary.markup.image");
      } else if (LINK.matcher(line).matches()) {
        markup(n, line, "commentary.markup.link");
      } else if (HTML.matcher(line).matches()) {
        markup(n, line, "commentary.markup.html");
      } else if (QUOTE.matcher(line).matches()) {
        markup(n, line, "commentary.markup.quote");
      } else if (EMPHASIS.matcher(line).matches()) {
        markup(n, line, "commentary.markup.emphasis");
      }
    }

    private void markup(long n, String line, String key) {
      findings.add(
          Finding.warning(
              "W_COMMENTARY_MARKUP",
              file,
              n,
              "",
              line,
              WORDS.get(key),
              WORDS.get("commentary.markup.expected")));
    }

    private void error(long n, String line, String message, String expected) {
      findings.add(Finding.error("E_COMMENTARY", file, n, "", line, message, expected));
    }
  }
}
