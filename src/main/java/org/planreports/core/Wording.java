package org.planreports.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The publications' sentences and labels, from {@code messages/report-zh.properties}. A message's
 * {name} placeholders are filled from name/value pairs; a missing message or value is an error, so
 * no sentence goes out half-written.
 */
public final class Wording {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Wording ZH = load("/messages/report-zh.properties");

  private final Properties messages;

  private Wording(Properties messages) {
    this.messages = messages;
  }

  public static Wording zh() {
    return ZH;
  }

  private static Wording load(String resource) {
    Properties p = new Properties();
    try (InputStream in = Wording.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Wording(p);
  }

  /** The message {@code key} with {@code pairs} (name, value, name, value …) filled in. */
  public String get(String key, Object... pairs) {
    String text = messages.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("no message " + key);
    }
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("name/value pairs expected for " + key);
    }
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      Object value = null;
      boolean found = false;
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i].equals(m.group(1))) {
          value = pairs[i + 1];
          found = true;
        }
      }
      if (!found || value == null) {
        throw new IllegalStateException(
            "message " + key + " needs a value for {" + m.group(1) + "}");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(value)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Items joined as an enumeration: 甲、乙、丙. */
  public String enumerate(List<String> items) {
    return String.join(get("list.enum"), items);
  }

  /** The section numeral for position {@code i} (0: 一). */
  public String numeral(int i) {
    return get("numerals").split(",")[i];
  }
}
