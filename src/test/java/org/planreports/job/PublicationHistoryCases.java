package org.planreports.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planreports.ingest.InputSet;
import org.planreports.publication.ContentDigest;
import org.planreports.publication.Manifest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciling the publication history with the output folder, rule by rule, on whichever database a
 * subclass gives it ({@link PublicationHistoryTest}: H2, {@link PublicationHistoryPostgresTest}:
 * PostgreSQL).
 */
@SpringBootTest
abstract class PublicationHistoryCases {

  // A region no other test publishes, so the shared in-memory database stays theirs.
  private static final String REGION = "999999";

  @Autowired PublicationHistory history;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path tmp;
  Path out;
  Path state;

  @BeforeEach
  @AfterEach
  void clean() {
    jdbc.update("DELETE FROM pr_publication WHERE region = ?", REGION);
    out = tmp.resolve("out");
    state = tmp.resolve("state");
  }

  @Test
  void shouldFinishAPendingEditionWhoseFolderIsCompleteAndRollBackOneWhoseFolderIsNot()
      throws Exception {
    Path complete = edition("2023-annual", 1, "a", null);
    history.insertPending(state, row("2023-annual", 1, complete));
    Path notMoved = out.resolve(REGION).resolve("2024-annual/edition-1");
    Path partial = Files.createDirectories(notMoved.resolveSibling(".edition-1.part"));
    Files.writeString(partial.resolve("x.pdf"), "half");
    history.insertPending(state, row("2024-annual", 1, notMoved));

    List<String> done = history.reconcile(state, out);

    assertThat(done)
        .containsExactly(
            "已完成上次中断的发布（文件已全部就位，记入发布历史）：" + complete, "已撤销上次未完成的发布（未记入发布历史，未完成的文件已删除）：" + notMoved);
    assertThat(rows()).containsExactly("2023-annual/1/PUBLISHED");
    assertThat(partial).doesNotExist();
    assertThat(complete.resolve("x.pdf")).isRegularFile();
    assertThat(history.matchesCheck(state)).isTrue();
  }

  @Test
  void shouldAdoptACompleteEditionHistoryDoesNotKnowButNotATamperedOne() throws Exception {
    Path adopted = edition("2023-midterm", 2, "b", "核定");
    Path tampered = edition("2022-annual", 1, "c", null);
    Files.writeString(tampered.resolve("x.pdf"), "changed");

    List<String> done = history.reconcile(state, out);

    assertThat(done)
        .containsExactly(
            "输出目录中的 " + tampered + " 不在发布历史中，且与其 manifest.json 不一致，未记入（请用 verify 核对）",
            "发布历史中没有输出目录里的 " + adopted + "，已按其 manifest.json 补记");
    assertThat(rows()).containsExactly("2023-midterm/2/PUBLISHED");
    StateStore.Edition e =
        history.rows().stream()
            .map(PublicationHistory.Row::edition)
            .filter(r -> r.region().equals(REGION))
            .findFirst()
            .orElseThrow();
    assertThat(e.reason()).isEqualTo("核定");
    assertThat(e.contentDigest()).isEqualTo(ContentDigest.ofFolder(adopted));
    assertThat(history.reconcile(state, out)).hasSize(1); // only the tampered one, again
  }

  @Test
  void shouldNoticeAHistoryChangedBehindItsBack() throws Exception {
    Path folder = edition("2023-annual", 1, "a", null);
    history.insertPending(state, row("2023-annual", 1, folder));
    history.markPublished(state, row("2023-annual", 1, folder));
    assertThat(history.matchesCheck(state)).isTrue();

    jdbc.update("DELETE FROM pr_publication WHERE region = ?", REGION);

    if (guardedByCheckFile()) {
      assertThat(history.matchesCheck(state)).isFalse();
      history.recordCheck(state);
      assertThat(history.matchesCheck(state)).isTrue();
    } else {
      // A shared database is not one state folder's: it is not checked against its file.
      assertThat(history.matchesCheck(state)).isTrue();
      assertThat(state.resolve(PublicationHistory.CHECK_FILE)).doesNotExist();
    }
  }

  /** Whether the state folder's check file guards this database (the H2 file's, not a shared). */
  abstract boolean guardedByCheckFile();

  private List<String> rows() {
    return history.rows().stream()
        .filter(r -> r.edition().region().equals(REGION))
        .map(r -> r.edition().publication() + "/" + r.edition().edition() + "/" + r.status())
        .toList();
  }

  private StateStore.Edition row(String publication, int n, Path folder) throws Exception {
    String digest = Files.isDirectory(folder) ? ContentDigest.ofFolder(folder) : "0".repeat(64);
    return new StateStore.Edition(
        REGION, publication, n, digest, folder.toString(), 1, null, Instant.now());
  }

  /** An edition folder as PublishTasklet writes it: files and their manifest. */
  private Path edition(String publication, int n, String content, String reason) throws Exception {
    Path dir = Files.createDirectories(out.resolve(REGION).resolve(publication + "/edition-" + n));
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("x.pdf"), bytes);
    Map<String, String> header = new LinkedHashMap<>();
    header.put("region", REGION);
    header.put("publication", publication);
    header.put("edition", String.valueOf(n));
    if (reason != null) {
      header.put("reason", reason);
    }
    String sha = InputSet.hex(InputSet.sha256().digest(bytes));
    Files.write(
        dir.resolve(Manifest.FILE),
        Manifest.write(header, List.of(), List.of(new Manifest.Entry("x.pdf", sha, bytes.length))));
    return dir;
  }
}
