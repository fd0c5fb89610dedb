package org.planreports.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words a person reads, from the bundles under {@code src/main/resources/messages/} ({@code
 * messages/NAME.properties}, UTF-8). Two kinds of placeholder, nothing else interpreted (no
 * MessageFormat quoting or number formatting): {@code {0}}, {@code {1}} … filled by {@link #format}
 * from its arguments in order, and {@code {name}} filled by {@link #get} from name/value pairs. A
 * missing message or value is an error, so no sentence goes out half-written.
 */
public final class Messages {

  private static final Pattern NAMED = Pattern.compile("\\{([a-z_]+)}");
  private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

  private final String bundle;
  private final Properties messages;

  private Messages(String bundle, Properties messages) {
    this.bundle = bundle;
    this.messages = messages;
  }

  /** The bundle {@code messages/NAME.properties}, read once. */
  public static Messages bundle(String name) {
    return LOADED.computeIfAbsent(name, Messages::load);
  }

  private static Messages load(String name) {
    String resource = "/messages/" + name + ".properties";
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Messages(name, p);
  }

  /** Whether the bundle has {@code key}. */
  public boolean has(String key) {
    return messages.containsKey(key);
  }

  /** The message {@code key} with {@code {0}}, {@code {1}} … replaced by {@code args}. */
  public String format(String key, Object... args) {
    String text = text(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  /** The message {@code key} with {@code pairs} (name, value, name, value …) filled in. */
  public String get(String key, Object... pairs) {
    String text = text(key);
    if (pairs.length % 2 != 0) {
      throw new IllegalArgumentException("name/value pairs expected for " + key);
    }
    Matcher m = NAMED.matcher(text);
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
            "message " + bundle + ":" + key + " needs a value for {" + m.group(1) + "}");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(value)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private String text(String key) {
    String text = messages.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("no message " + key + " in messages/" + bundle);
    }
    return text;
  }
}
