package org.planreports.cli;

import org.planreports.core.Messages;
import org.planreports.plan.PublicationType;
import picocli.CommandLine;

/**
 * --assessment: annual, midterm, final or the id of a bulletin the plan declares; a malformed id is
 * a command-line error (exit 2), an undeclared one is refused once the plan is read.
 */
class AssessmentConverter implements CommandLine.ITypeConverter<PublicationType> {

  private static final Messages WORDS = Messages.bundle("run");

  @Override
  public PublicationType convert(String value) {
    try {
      return PublicationType.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(
          WORDS.get("run.assessment.malformed", "value", value));
    }
  }
}
