package org.planreports.cli;

import org.planreports.publication.PublicationType;
import picocli.CommandLine;

/** --assessment: annual, midterm, final or zone; anything else is a command-line error (exit 2). */
class AssessmentConverter implements CommandLine.ITypeConverter<PublicationType> {

  @Override
  public PublicationType convert(String value) {
    try {
      return PublicationType.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(
          "--assessment 只能是 annual、midterm、final 或 zone：" + value);
    }
  }
}
