package org.planreports.core;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A failure's cause in words an operator can read, never "null": the exception's own message, else
 * that of the nearest cause that has one, else what kind of failure it is, in the words of {@code
 * messages/cli.properties} (keys {@code nulls.cause.*}, by the exception's class).
 */
public final class Causes {

  private static final ResourceBundle WORDS = ResourceBundle.getBundle("messages.cli", Locale.ROOT);

  private Causes() {}

  /** The first message from {@code e} down its causes, else what kind of failure it is. */
  public static String of(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      if (said(t)) {
        return t.getMessage().strip();
      }
    }
    return kind(e);
  }

  /**
   * The message of the deepest cause that has one (the root's, where it says something), else what
   * kind of failure the root is.
   */
  public static String deepest(Throwable e) {
    String found = null;
    Throwable root = e;
    for (Throwable t = e; t != null; t = next(t)) {
      if (said(t)) {
        found = t.getMessage().strip();
      }
      root = t;
    }
    return found != null ? found : kind(root);
  }

  /**
   * What kind of failure {@code e} is, in words: the first of it and its causes whose class (or a
   * superclass) the bundle names, else an internal error naming the class.
   */
  public static String kind(Throwable e) {
    for (Throwable t = e; t != null; t = next(t)) {
      for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        String key = "nulls.cause." + c.getSimpleName();
        if (WORDS.containsKey(key)) {
          return WORDS.getString(key);
        }
      }
    }
    String name = e == null ? "" : e.getClass().getSimpleName();
    return java.text.MessageFormat.format(WORDS.getString("nulls.cause.other"), name);
  }

  /**
   * Whether {@code t} says something of its own: not nothing, not "null", and not only its cause's
   * class and message (what an exception made from a cause takes as its message).
   */
  private static boolean said(Throwable t) {
    String m = t.getMessage();
    return m != null
        && !m.isBlank()
        && !m.strip().equals("null")
        && (t.getCause() == null || !m.equals(t.getCause().toString()));
  }

  private static Throwable next(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }
}
