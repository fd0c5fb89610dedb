package org.planreports.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 part 1 as an operator walks it, each command run as the jar runs it once started ({@link
 * InProcess}; the package started as an office starts it walks run, publish and verify in {@link
 * InstallablePackageIT}): run (review copies and their change list, no edition), publish --date,
 * run again unchanged, a corrected figure in the next change list, publish refused without --reason
 * and with inputs changed since the review, publish --reason, verify. Then the review folder's
 * guards.
 */
class ReviewPublishIT {

  @TempDir Path tmp;

  Path input;
  Path out;
  Path state;
  Path review;

  private static final String MIDTERM = "2023-midterm";

  /** The first review copy's PDF, which the same input reviewed again gives byte for byte. */
  byte[] firstReview;

  private static final String EXTRACT = "nanchuan-2023-sample.csv";

  @BeforeEach
  void copyInput() throws Exception {
    input = Jar.copyTree(Path.of("input"), tmp.resolve("input"));
    out = tmp.resolve("out");
    state = tmp.resolve("state");
    review = tmp.resolve("review");
  }

  private Jar.Result jar(String command, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                command,
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString(),
                "--review",
                review.toString(),
                "--year",
                "2023"));
    args.addAll(List.of(more));
    return InProcess.run(args);
  }

  private Path copy(String publication) {
    return review.resolve("500119").resolve(publication);
  }

  private Path edition(int n) {
    return out.resolve("500119").resolve(MIDTERM).resolve("edition-" + n);
  }

  private String changes() throws Exception {
    return Files.readString(copy(MIDTERM).resolve("changes.csv"), StandardCharsets.UTF_8);
  }

  private static String text(Path pdf, int page) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper s = new PDFTextStripper();
      s.setStartPage(page);
      s.setEndPage(page);
      return s.getText(doc);
    }
  }

  private void setRdExpenditure(String value) throws Exception {
    Path f = input.resolve(EXTRACT);
    String s = Files.readString(f, StandardCharsets.UTF_8);
    String changed =
        s.replaceFirst("500119,2023,RD_EXP,[0-9.]+,", "500119,2023,RD_EXP," + value + ",");
    assertThat(changed).isNotEqualTo(s);
    Files.writeString(f, changed, StandardCharsets.UTF_8);
  }

  @Test
  void publishWithoutReviewCopiesSaysSoWithExit7() throws Exception {
    Jar.Result r = jar("publish");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.NOTHING_TO_PUBLISH);
    assertThat(r.err()).contains("没有可发布的审阅稿").contains(review.toString());
    assertThat(out.resolve("500119")).doesNotExist();
  }

  /**
   * The operator's year, in order (one test: each step needs the one before): review, publish,
   * review again, a corrected figure, publish refused without a reason and after the input changed,
   * publish with the reason, verify.
   */
  @Test
  void operatorStory() throws Exception {
    runPreparesReviewCopiesAndNoEdition();
    publishReleasesTheReviewedCopiesWithTheirDate();
    runAgainUnchangedSaysSo();
    aCorrectedFigureShowsOldAndNewInTheChangeList();
    publishWithoutReasonIsRefusedAndPrintsTheCommand();
    publishAfterTheInputChangedIsRefusedWithExit8();
    publishWithReasonReleasesTheCorrectionExactlyAsReviewed();
    verifyIsClean();
  }

  private void runPreparesReviewCopiesAndNoEdition() throws Exception {
    Jar.Result r = jar("run");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("审阅稿已生成")
        .contains(copy(MIDTERM).toString())
        .contains("2023-midterm：新发布");
    assertThat(out.resolve("500119")).as("no edition in the output").doesNotExist();
    for (String f :
        List.of("500119-2023-midterm.pdf", "changes.csv", "review.json", "table1.csv")) {
      assertThat(copy(MIDTERM).resolve(f)).isRegularFile();
    }
    assertThat(changes()).startsWith("\uFEFFpublication,status").contains("2023-midterm,新发布,0");
    assertThat(Files.readString(copy(MIDTERM).resolve("review.json")))
        .contains("\"input_digest\"")
        .contains(EXTRACT)
        .contains("\"figures_digest\"");
    assertThat(text(copy(MIDTERM).resolve("500119-2023-midterm.pdf"), 1))
        .contains("审阅稿")
        .doesNotContain("发布日期");
    firstReview = Files.readAllBytes(copy(MIDTERM).resolve("500119-2023-midterm.pdf"));
    Jar.Result history =
        InProcess.run(List.of("history", "--output", out.toString(), "--state", state.toString()));
    assertThat(history.out()).doesNotContain("edition-1");
  }

  private void publishReleasesTheReviewedCopiesWithTheirDate() throws Exception {
    Jar.Result r = jar("publish", "--date", "2024-03-15");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains(edition(1).toString());
    Path pdf = edition(1).resolve("500119-2023-midterm.pdf");
    assertThat(text(pdf, 1)).contains("发布日期：2024年3月15日").doesNotContain("审阅稿");
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(
              ZonedDateTime.ofInstant(
                  doc.getDocumentInformation().getCreationDate().toInstant(),
                  ZoneId.of("Asia/Shanghai")))
          .isEqualTo(ZonedDateTime.of(2024, 3, 15, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
      assertThat(
              new String(
                  doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
          .contains("2024-03-15T00:00:00+08:00");
    }
    assertThat(copy(MIDTERM)).as("released: its review copy is gone").doesNotExist();
  }

  private void runAgainUnchangedSaysSo() throws Exception {
    Jar.Result r = jar("run");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("2023-midterm：数字与已发布的第1版相同");
    assertThat(changes()).contains("2023-midterm,未变化,1");
    assertThat(copy(MIDTERM).resolve("500119-2023-midterm.pdf")).hasBinaryContent(firstReview);
    assertThat(edition(2)).doesNotExist();
  }

  private void aCorrectedFigureShowsOldAndNewInTheChangeList() throws Exception {
    setRdExpenditure("8.75");
    Jar.Result r = jar("run");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(r.out()).contains("2023-midterm：与已发布的第1版相比有").contains("2.05 → 2.08");
    assertThat(changes()).contains("2023-midterm,更正,1,").contains(",2.05,2.08");
    assertThat(edition(2)).doesNotExist();
  }

  private void publishWithoutReasonIsRefusedAndPrintsTheCommand() throws Exception {
    Jar.Result r = jar("publish", "--date", "2024-04-01");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.ALREADY_PUBLISHED);
    assertThat(r.err()).contains("publish --input").contains("--assessment midterm --reason");
    assertThat(edition(2)).doesNotExist();
    assertThat(copy(MIDTERM)).as("refused: the review copy stays").isDirectory();
  }

  private void publishAfterTheInputChangedIsRefusedWithExit8() throws Exception {
    setRdExpenditure("8.80");
    Jar.Result r = jar("publish", "--date", "2024-04-01", "--reason", "2023年研发经费核定");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.STALE_REVIEW);
    assertThat(r.err()).contains("审阅稿已过期").contains(EXTRACT).contains("重新运行 run");
    assertThat(edition(2)).doesNotExist();
    try (Stream<Path> editions = Files.list(out.resolve("500119").resolve(MIDTERM))) {
      assertThat(editions.map(p -> p.getFileName().toString())).containsExactly("edition-1");
    }
  }

  private void publishWithReasonReleasesTheCorrectionExactlyAsReviewed() throws Exception {
    setRdExpenditure("8.75");
    Jar.Result r = jar("publish", "--date", "2024-04-01", "--reason", "2023年研发经费核定");
    assertThat(r.exit()).as(r.all()).isZero();
    assertThat(edition(2).resolve("correction-notice.csv")).isRegularFile();
    assertThat(Files.readString(edition(2).resolve("correction-notice.csv")))
        .contains("2023年研发经费核定");
    assertThat(text(edition(2).resolve("500119-2023-midterm.pdf"), 1)).contains("发布日期：2024年4月1日");
    assertThat(edition(1)).isDirectory();
  }

  private void verifyIsClean() throws Exception {
    Jar.Result r =
        InProcess.run(List.of("verify", "--output", out.toString(), "--state", state.toString()));
    assertThat(r.exit()).as(r.all()).isZero();
  }

  @Test
  void aLinkPlantedInTheReviewFolderIsRefused() throws Exception {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("keep.txt"), "keep");
    Files.createDirectories(review);
    try (Stream<Path> old = Files.list(review)) {
      for (Path p : old.toList()) {
        org.planreports.publication.AtomicFiles.deleteTree(p);
      }
    }
    Files.createSymbolicLink(review.resolve("500119"), elsewhere);
    Jar.Result r = jar("run");
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err()).contains(review.resolve("500119").toString());
    try (Stream<Path> left = Files.list(elsewhere)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
    Files.delete(review.resolve("500119"));
  }

  @Test
  void aReviewFolderInsideTheOutputIsAUsageError() throws Exception {
    Jar.Result r =
        InProcess.run(
            List.of(
                "run",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--state",
                state.toString(),
                "--review",
                out.resolve("review").toString()));
    assertThat(r.exit()).as(r.all()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("审阅稿目录");
    assertThat(out.resolve("review")).doesNotExist();
  }
}
