package org.planreports.job;

import java.util.OptionalInt;
import org.planreports.plan.Plan;
import org.planreports.plan.PublicationType;

/**
 * The years a plan publishes for: bulletins for each year after the base year up to the final year,
 * the mid-term evaluation for the mid year only, the final evaluation for the final year only. The
 * one place these bounds are written for a run ({@code --year} checked by the command, "nothing to
 * publish" said by the assess step).
 */
public record PublicationYears(int base, int mid, int last) {

  public PublicationYears {
    if (!(base < mid && mid < last)) {
      throw new IllegalArgumentException(
          "plan years out of order: base " + base + ", mid " + mid + ", final " + last);
    }
  }

  public static PublicationYears of(Plan plan) {
    var meta = plan.meta();
    return new PublicationYears(meta.baseYear(), meta.midYear(), meta.finalYear());
  }

  /** The first year with a publication: the year after the base year. */
  public int first() {
    return base + 1;
  }

  /** Whether {@code year} is a year of the plan period that has publications. */
  public boolean contains(int year) {
    return year > base && year <= last;
  }

  /** The one year an evaluation belongs to; empty for bulletins, which have every year. */
  public OptionalInt onlyYear(PublicationType type) {
    if (PublicationType.MIDTERM.equals(type)) {
      return OptionalInt.of(mid);
    }
    if (PublicationType.FINAL.equals(type)) {
      return OptionalInt.of(last);
    }
    return OptionalInt.empty();
  }
}
