package org.planreports.cli;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/** Operator safety with the packaged jar on the default database, the state folder's H2 file. */
class OperatorSafetyIT extends OperatorSafety {

  @BeforeAll
  static void onH2() throws Exception {
    publishTheReference(state -> Map.of(), false);
  }
}
