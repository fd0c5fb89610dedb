package org.planreports.assessment;

import java.util.List;
import org.planreports.indicator.IndicatorValue;
import org.planreports.plan.CatalogueRow;

/** A catalogue row with its assessment and the indicator values the assessment used. */
public record AssessedRow(CatalogueRow row, Assessment assessment, List<IndicatorValue> used) {

  public AssessedRow {
    used = List.copyOf(used);
  }
}
