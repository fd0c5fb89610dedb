package org.planreports.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planreports.plan.PublicationKey;
import org.planreports.plan.PublicationType;

class OutputLayoutTest {

  private static final Path OUT = Path.of("/srv/out");
  private final OutputLayout layout = new OutputLayout(OUT);

  @Test
  void shouldPlaceAnEditionUnderRegionAndPublication() {
    PublicationKey key = new PublicationKey("500119", 2023, PublicationType.fromId("annual"));
    assertThat(layout.edition(key, 2)).isEqualTo(Path.of("/srv/out/500119/2023-annual/edition-2"));
    assertThat(layout.edition("500119", "2023-annual", 2)).isEqualTo(layout.edition(key, 2));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "edition-1, 1",
    "edition-12, 12",
    "edition-999999, 999999",
    "edition-0, ",
    "edition-01, ",
    "edition-1000000, ",
    "edition-, ",
    "edition-1a, ",
    "edition--1, ",
    "Edition-1, ",
    ".edition-1.part, ",
    "edition-1.part, ",
    "2023-annual, "
  })
  void shouldNumberOnlyTheFolderNamesTheToolGives(String name, Integer number) {
    assertThat(OutputLayout.editionNumber(name))
        .isEqualTo(number == null ? OptionalInt.empty() : OptionalInt.of(number));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "edition-1, true",
    "edition-0, true",
    "edition-007, true",
    "edition-12345678, true",
    "edition-, false",
    "edition-x, false",
    ".edition-1.part, false",
    "'edition-1 ', false"
  })
  void shouldReadEveryEditionLikeNameForVerify(String name, boolean named) {
    assertThat(OutputLayout.namedAsEdition(name)).isEqualTo(named);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/srv/out/500119/2023-annual/edition-3, 500119, 2023-annual, 3",
    "/srv/out/500119/odd-name/edition-1, 500119, odd-name, 1",
    "/srv/out/500119/2023-annual/edition-03, , , ",
    "/srv/out/500119/2023-annual, , , ",
    "/srv/out/500119/2023-annual/edition-3/x, , , ",
    "/srv/other/500119/2023-annual/edition-3, , , ",
    "/srv/out/x/500119/2023-annual/edition-3, , , "
  })
  void shouldParseOnlyEditionFoldersOfItsOutput(
      String folder, String region, String publication, Integer edition) {
    Optional<OutputLayout.Place> place = layout.parse(Path.of(folder));
    if (region == null) {
      assertThat(place).isEmpty();
    } else {
      assertThat(place).contains(new OutputLayout.Place(region, publication, edition));
      assertThat(OUT.resolve(place.get().relative())).isEqualTo(Path.of(folder));
    }
  }

  @ParameterizedTest(name = "{0}/{1}")
  @CsvSource({
    "500119, 2023-annual, true",
    "500119, 2025-final, true",
    "500119, odd, false",
    "500119, year-annual, false"
  })
  void shouldNameThePublicationKeyOfAFolder(String region, String publication, boolean keyed) {
    Optional<PublicationKey> key = new OutputLayout.Place(region, publication, 1).key();
    assertThat(key)
        .isEqualTo(
            keyed ? Optional.of(PublicationKey.parse(region, publication)) : Optional.empty());
    key.ifPresent(k -> assertThat(k.folderName()).isEqualTo(publication));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/srv/out/500119/2023-annual/edition-1, /srv/out",
    "out/500119/2023-annual/edition-1, out",
    "/a/b, /"
  })
  void shouldFindTheOutputFolderOfAnEdition(String folder, String output) {
    assertThat(OutputLayout.outputOf(Path.of(folder))).isEqualTo(Path.of(output));
  }

  @Test
  void shouldListManifestsOfEditionFoldersOnlyAndEditionLikeFoldersForVerify(@TempDir Path tmp)
      throws Exception {
    OutputLayout disk = new OutputLayout(tmp);
    Path good = manifest(tmp.resolve("500119/2023-annual/edition-1"));
    Path other = manifest(tmp.resolve("500120/2023-annual/edition-2"));
    manifest(tmp.resolve("500119/2023-annual/edition-01"));
    manifest(tmp.resolve("500119/2023-annual/.edition-3.part"));
    manifest(tmp.resolve("500119/2023-annual/edition-4/deeper"));
    Files.createDirectories(tmp.resolve("500119/2024-annual/edition-5"));

    assertThat(disk.manifests(null)).containsExactly(good, other);
    assertThat(disk.manifests("500119")).containsExactly(good);
    assertThat(disk.manifests("none")).isEmpty();
    assertThat(disk.editionFolders())
        .containsExactly(
            tmp.resolve("500119/2023-annual/edition-01"),
            good.getParent(),
            tmp.resolve("500119/2023-annual/edition-4"),
            tmp.resolve("500119/2024-annual/edition-5"),
            other.getParent());
    assertThat(new OutputLayout(tmp.resolve("absent")).editionFolders()).isEmpty();
  }

  private static Path manifest(Path folder) throws Exception {
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(Manifest.FILE), "{}");
  }
}
