package org.planreports.assessment;

public enum Kind {
  LEVEL,
  GROWTH,
  CUMULATIVE,
  MILESTONE,
  RELATIVE
}
