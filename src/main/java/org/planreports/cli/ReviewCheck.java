package org.planreports.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.planreports.core.Messages;
import org.planreports.ingest.InputSet;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;
import org.planreports.publication.ReviewLayout;
import org.planreports.publication.ReviewRecord;

/**
 * What {@code publish} checks before anything is started: that there are review copies of what it
 * is asked to release (else exit 7), and that each was made from the input, plan, commentary and
 * tool there are now (else exit 8, asking for a new review). Nothing is written either way.
 */
final class ReviewCheck {

  private static final Messages WORDS = Messages.bundle("review");

  private ReviewCheck() {}

  /** The exit code that ends the command, or empty when it may go on and publish. */
  static OptionalInt check(
      RunRequests.Planned planned,
      CommonOptions common,
      Integer year,
      PublicationType assessment,
      PrintWriter err) {
    ReviewLayout layout = new ReviewLayout(common.review);
    InputSet input = InputSet.scan(common.input);
    int found = 0;
    List<String> stale = new ArrayList<>();
    for (PlannedDistrict d : planned.districts()) {
      ReviewRecord.Sources now =
          ReviewRecord.Sources.of(Main.toolVersion(), d.plan().digest(), input);
      for (Path copy : layout.copies(d.region())) {
        Optional<PublicationKey> key = key(d.region(), copy.getFileName().toString());
        if (key.isEmpty() || !wanted(key.get(), year, assessment)) {
          continue;
        }
        found++;
        Optional<ReviewRecord> record = ReviewRecord.read(copy.resolve(ReviewLayout.RECORD));
        List<String> differences =
            record.isEmpty()
                ? List.of(WORDS.get("review.stale.unreadable"))
                : ReviewRecord.differences(record.get().sources(), now);
        if (!differences.isEmpty()) {
          stale.add(WORDS.get("review.publish.stale.copy", "copy", copy));
          differences.forEach(line -> stale.add("  " + line));
        }
      }
    }
    if (found == 0) {
      String which =
          year == null && assessment == null
              ? WORDS.get("review.publish.none.all")
              : WORDS.get(
                  "review.publish.none.asked",
                  "asked",
                  ((year == null ? "" : "--year " + year)
                          + (assessment == null ? "" : " --assessment " + assessment.id()))
                      .strip());
      err.println(WORDS.get("review.publish.none", "review", layout.root(), "which", which));
      return OptionalInt.of(ExitCodes.NOTHING_TO_PUBLISH);
    }
    if (!stale.isEmpty()) {
      err.println(WORDS.get("review.publish.stale"));
      stale.forEach(err::println);
      err.println(WORDS.get("review.publish.stale.again"));
      return OptionalInt.of(ExitCodes.STALE_REVIEW);
    }
    return OptionalInt.empty();
  }

  private static Optional<PublicationKey> key(String region, String folder) {
    try {
      return Optional.of(PublicationKey.parse(region, folder));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean wanted(PublicationKey key, Integer year, PublicationType assessment) {
    return (year == null || key.year() == year)
        && (assessment == null || key.type().equals(assessment));
  }
}
