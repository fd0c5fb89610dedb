package org.planreports.assessment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.planreports.core.Messages;

/**
 * One note (注) of an assessment as a code and its arguments (years and figures as printed, e.g.
 * "2021", "6.3"), so that the assessment, its tests and the state database hold no sentences; the
 * words come from {@code messages/assessment.properties} only when a publication is rendered.
 */
public record Note(NoteCode code, List<String> args) {

  /** The arity of a code whose arguments are one or more years, printed as one enumeration. */
  static final int YEARS = -1;

  /** What separates the arguments where they are stored as one text (they are numbers). */
  public static final String SEPARATOR = ",";

  private static final Messages WORDS = Messages.bundle("assessment");

  public Note {
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
    boolean fits = code.arity() == YEARS ? !args.isEmpty() : args.size() == code.arity();
    if (!fits) {
      throw new IllegalArgumentException(code + " takes " + code.arity() + " arguments: " + args);
    }
    for (String arg : args) {
      if (arg.isBlank() || arg.contains(SEPARATOR)) {
        throw new IllegalArgumentException("not a note argument: '" + arg + "'");
      }
    }
  }

  /** The note {@code code} with {@code args} as text (numbers as {@link String#valueOf}). */
  public static Note of(NoteCode code, Object... args) {
    return new Note(code, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The note as stored: its code's name and its arguments joined by {@link #SEPARATOR}. */
  public String storedArgs() {
    return String.join(SEPARATOR, args);
  }

  /** A note stored as {@link NoteCode#name()} and {@link #storedArgs()}. */
  public static Note stored(String code, String args) {
    return new Note(
        NoteCode.valueOf(code),
        args == null || args.isEmpty() ? List.of() : List.of(args.split(SEPARATOR, -1)));
  }

  /** The note's sentence as the publications print it, ending in 。. */
  public String words() {
    String key = "assessment.note." + code.name();
    if (code.arity() == YEARS) {
      return WORDS.format(
          key,
          args.stream()
              .map(y -> WORDS.format("assessment.note.year", y))
              .collect(Collectors.joining(WORDS.format("assessment.note.years.separator"))));
    }
    return WORDS.format(key, args.toArray());
  }
}
