package org.planreports.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The words of the plan checks, from {@code messages/cli.properties} (keys {@code plan.*}): {0},
 * {1}… are replaced by the arguments, nothing else is interpreted.
 */
final class PlanWords {

  private static final Properties WORDS = load();

  private PlanWords() {}

  static String get(String key, Object... args) {
    String text = WORDS.getProperty(key);
    if (text == null) {
      throw new IllegalStateException("no message " + key);
    }
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in = PlanWords.class.getResourceAsStream("/messages/cli.properties")) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
