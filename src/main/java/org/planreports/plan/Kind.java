package org.planreports.plan;

/** The indicator kinds of METRICS.md ("Indicator kinds"); each is assessed by its own rules. */
public enum Kind {
  /** A stock, ratio or share measured in the assessment year. */
  LEVEL,
  /** An annual growth-rate target g* on a level series E. */
  GROWTH,
  /** A count summed over the plan years t0+1 … t; the baseline is 0. */
  CUMULATIVE,
  /** An event due by a year; its value is the year it happened. */
  MILESTONE,
  /** A gap to a reference series, in the indicator's own unit. */
  RELATIVE,
  /**
   * A target without a number (such as “达到全市前列”): the office reports a {@link ReportedStatus} and a
   * note, and the table lists it as reported.
   */
  QUALITATIVE,
  /** A target range such as "2.5~2.8": met inside it, completion measured to the nearer bound. */
  RANGE
}
