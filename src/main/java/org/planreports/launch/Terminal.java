package org.planreports.launch;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What the operator's terminal is: whether the tool's output goes to one (progress lines are shown
 * only then) and the encoding its text is written in. Decided once, in the JVM the operator
 * started, and passed to the second JVM ({@link Launcher}) as {@value #TERMINAL} and {@value
 * #ENCODING}, so both JVMs say the same; an operator may set either with {@code -D} to override the
 * decision.
 *
 * <p>The encoding is the console's own ({@code Console.charset()}: GBK on a Chinese Windows
 * console, UTF-8 on Linux), else the standard output's ({@code stdout.encoding}, {@code
 * sun.stdout.encoding}) or the platform's ({@code native.encoding}). An encoding that cannot write
 * Chinese (the ASCII of an unconfigured {@code LANG=C}) is taken for no decision: UTF-8. Files the
 * tool writes do not depend on it: they are UTF-8.
 */
public final class Terminal {

  /** System property: {@code true} when the operator's output is a terminal. */
  public static final String TERMINAL = "planreports.terminal";

  /** System property: the charset of the operator's terminal. */
  public static final String ENCODING = "planreports.console.encoding";

  /** A Chinese character (“中”): an encoding that cannot write it is no use to the tool. */
  private static final int CHINESE = 0x4E2D;

  private Terminal() {}

  /** Whether the operator watches a terminal: as passed down, else this JVM's console. */
  public static boolean interactive() {
    return interactive(System.getProperties(), System.console());
  }

  /** The charset to write terminal text in: as passed down, else this JVM's console's. */
  public static Charset charset() {
    return charset(System.getProperties(), System.console());
  }

  static boolean interactive(Properties props, Console console) {
    String given = props.getProperty(TERMINAL);
    if (given != null && !given.isBlank()) {
      return Boolean.parseBoolean(given.strip());
    }
    if (console == null) {
      return false;
    }
    // From Java 22 a console exists even when output is redirected; isTerminal() then tells.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }

  static Charset charset(Properties props, Console console) {
    Charset given = named(props.getProperty(ENCODING));
    if (given != null) {
      return given;
    }
    if (console != null && interactive(props, console)) {
      Charset own = usable(console.charset());
      if (own != null) {
        return own;
      }
    }
    for (String key : new String[] {"stdout.encoding", "sun.stdout.encoding", "native.encoding"}) {
      Charset c = usable(named(props.getProperty(key)));
      if (c != null) {
        return c;
      }
    }
    return StandardCharsets.UTF_8;
  }

  /** The JVM options that pass this JVM's decision to a second one. */
  static java.util.List<String> passDown() {
    return java.util.List.of(
        "-D" + TERMINAL + "=" + interactive(), "-D" + ENCODING + "=" + charset().name());
  }

  private static Charset named(String name) {
    try {
      return name == null || name.isBlank() ? null : Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** {@code c} if it can write the Chinese the tool prints. */
  private static Charset usable(Charset c) {
    return c != null && c.canEncode() && c.newEncoder().canEncode(Character.toString(CHINESE))
        ? c
        : null;
  }
}
