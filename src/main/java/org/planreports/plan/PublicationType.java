package org.planreports.plan;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.planreports.core.Messages;

/**
 * A kind of publication: one of the three the method knows (annual monitoring, mid-term and final
 * evaluation), or a thematic bulletin the plan bundle declares, assessed like annual monitoring.
 * The id is the folder suffix and the {@code --assessment} value; the title a reader sees comes
 * from the message bundle or, for a bulletin, from the plan bundle.
 */
public record PublicationType(String id, Stage stage) implements Serializable {

  public static final PublicationType ANNUAL = new PublicationType("annual", Stage.ANNUAL);
  public static final PublicationType MIDTERM = new PublicationType("midterm", Stage.MIDTERM);
  public static final PublicationType FINAL = new PublicationType("final", Stage.FINAL);

  private static final List<PublicationType> STANDARD = List.of(ANNUAL, MIDTERM, FINAL);

  public PublicationType {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(stage, "stage");
    if (!id.matches("[a-z][a-z0-9-]{0,30}")) {
      throw new IllegalArgumentException(
          Messages.bundle("plan-check").format("plan.publication.id", id));
    }
  }

  /** A declared thematic bulletin. */
  public static PublicationType bulletin(String id) {
    if (STANDARD.stream().anyMatch(t -> t.id.equals(id))) {
      throw new IllegalArgumentException(
          Messages.bundle("plan-check").format("plan.publication.bulletin", id));
    }
    return new PublicationType(id, Stage.ANNUAL);
  }

  public boolean isBulletin() {
    return !STANDARD.contains(this);
  }

  /** Whether this is the mid-term or the final evaluation (a report with cover and appendices). */
  public boolean isEvaluation() {
    return this.equals(MIDTERM) || this.equals(FINAL);
  }

  /** Folder order within a year: annual, midterm, final, then bulletins by id. */
  int rank() {
    int i = STANDARD.indexOf(this);
    return i < 0 ? STANDARD.size() : i;
  }

  /**
   * annual, midterm, final or any other well-formed id, which a plan must declare as a bulletin.
   */
  public static PublicationType fromId(String id) {
    String s = id == null ? "" : id.strip();
    for (PublicationType t : STANDARD) {
      if (t.id.equalsIgnoreCase(s)) {
        return t;
      }
    }
    return bulletin(s);
  }
}
