package org.planreports.cli;

/** Operator safety with the packaged jar on the default database, the state folder's H2 file. */
class OperatorSafetyIT extends OperatorSafety {}
