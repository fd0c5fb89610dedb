package org.planreports.cli;

import org.planreports.plan.PublicationType;
import picocli.CommandLine;

/**
 * --assessment: annual, midterm, final or the id of a bulletin the plan declares; a malformed id is
 * a command-line error (exit 2), an undeclared one is refused once the plan is read.
 */
class AssessmentConverter implements CommandLine.ITypeConverter<PublicationType> {

  @Override
  public PublicationType convert(String value) {
    try {
      return PublicationType.fromId(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.TypeConversionException(
          "--assessment 只能是 annual、midterm、final 或方案声明的专题公报标识：" + value);
    }
  }
}
