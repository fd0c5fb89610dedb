package org.planreports.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** A sentence of {@code messages/cli.properties}, its {@code {0}}… filled in. */
public final class CliText {

  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("messages.cli", Locale.ROOT);

  private CliText() {}

  public static String get(String key, Object... args) {
    String pattern = BUNDLE.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
  }
}
