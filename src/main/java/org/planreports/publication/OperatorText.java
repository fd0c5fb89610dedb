package org.planreports.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The sentences the command line prints, from {@code messages/cli.properties} (where picocli also
 * finds its headings): a stage that reports something to the operator names a key and its
 * arguments, and the words live in one place.
 */
public final class OperatorText {

  private static final Properties TEXT = load();

  private OperatorText() {}

  /** The message {@code key} with {@code args} put in ({@link MessageFormat}, {@code {0}} …). */
  public static String get(String key, Object... args) {
    String pattern = TEXT.getProperty(key);
    if (pattern == null) {
      throw new IllegalArgumentException("no message " + key + " in messages/cli.properties");
    }
    return new MessageFormat(pattern, Locale.ROOT).format(args);
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = OperatorText.class.getResourceAsStream("/messages/cli.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
