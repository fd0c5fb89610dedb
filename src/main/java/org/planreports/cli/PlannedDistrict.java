package org.planreports.cli;

import java.nio.file.Path;
import org.planreports.job.RunRequest;
import org.planreports.plan.Plan;

/**
 * One district of a command: its request, the plan it was built from and the bundle file as the
 * operator named it (null: the bundled plan), which a suggested command repeats.
 */
record PlannedDistrict(RunRequest request, Plan plan, Path bundle) {

  String region() {
    return request.region();
  }

  /** The district as the lines of a city-wide run name it: region code and name. */
  String name() {
    return plan.meta().regionCode() + " " + plan.meta().regionName();
  }
}
