package org.planreports.assessment;

/**
 * What an assessment's note (注) says, without its words: the words are {@code assessment.note.CODE}
 * in {@code messages/assessment.properties}, filled with the note's arguments when a publication is
 * rendered ({@link Note#words()}).
 */
public enum NoteCode {
  /** The extract revised the base-year value; the plan's published baseline stays: year, value. */
  BASELINE_REVISED(2),
  /** No value for the plan's base year: the baseline is that of a later year: year. */
  BASELINE_YEAR(1),
  /** No baseline at all: judged by the target test alone. */
  NO_BASELINE(0),
  /** Years without a value, left out of a running sum: the years. */
  YEARS_MISSING(Note.YEARS),
  /** A RANGE value above the range. */
  ABOVE_RANGE(0),
  /** A RANGE value below the range. */
  BELOW_RANGE(0),
  /** The baseline already lay inside the range: no completion. */
  BASELINE_IN_RANGE(0),
  /** The baseline already met the target: no completion. */
  BASELINE_MET(0),
  /** A growth rate of an amount of money, at current prices. */
  CURRENT_PRICES(0),
  /** A milestone reached after its due year: the year it happened, the due year. */
  MILESTONE_LATE(2),
  /** A QUALITATIVE target, shown as its office reports it. */
  AS_REPORTED(0),
  /** A target not yet due at the final evaluation, judged on schedule: the due year. */
  NOT_YET_DUE(1),
  /** The latest data are of an earlier year than the assessment's: that year. */
  DATA_AS_OF(1),
  /** Values used that are preliminary: their years. */
  PRELIMINARY(Note.YEARS);

  private final int arity;

  NoteCode(int arity) {
    this.arity = arity;
  }

  /** How many arguments the note takes; {@link Note#YEARS} for a list of one or more years. */
  int arity() {
    return arity;
  }
}
