package org.planreports.assessment;

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
  /** A target without a number; the office reports its status word. */
  QUALITATIVE,
  /** A target range low~high, met inside it. */
  RANGE
}
