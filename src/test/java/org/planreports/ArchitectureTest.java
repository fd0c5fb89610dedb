package org.planreports;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages depend one way: a small {@code core} and the {@code plan} at the bottom, then the
 * stages in the order a run takes them (ingest → validation → indicator → assessment → report →
 * publication), then the Spring Batch {@code job} that runs them and the {@code cli} that starts
 * it. A stage may use any stage below it, never one above.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.planreports");
  }

  @Test
  void stagesDependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("core")
        .definedBy("org.planreports.core..")
        .layer("plan")
        .definedBy("org.planreports.plan..")
        .layer("ingest")
        .definedBy("org.planreports.ingest..")
        .layer("validation")
        .definedBy("org.planreports.validation..")
        .layer("indicator")
        .definedBy("org.planreports.indicator..")
        .layer("assessment")
        .definedBy("org.planreports.assessment..")
        .layer("report")
        .definedBy("org.planreports.report..")
        .layer("publication")
        .definedBy("org.planreports.publication..")
        .layer("job")
        .definedBy("org.planreports.job..")
        .layer("cli")
        .definedBy("org.planreports.cli..")
        .layer("launch")
        .definedBy("org.planreports.launch..")
        .whereLayer("launch")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("job")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("publication")
        .mayOnlyBeAccessedByLayers("job", "cli")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("publication", "job", "cli")
        .whereLayer("assessment")
        .mayOnlyBeAccessedByLayers("report", "publication", "job", "cli")
        .whereLayer("indicator")
        .mayOnlyBeAccessedByLayers("assessment", "report", "publication", "job", "cli")
        .whereLayer("validation")
        .mayOnlyBeAccessedByLayers("indicator", "assessment", "report", "publication", "job", "cli")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers(
            "validation", "indicator", "assessment", "report", "publication", "job", "cli")
        .whereLayer("plan")
        .mayOnlyBeAccessedByLayers(
            "ingest",
            "validation",
            "indicator",
            "assessment",
            "report",
            "publication",
            "job",
            "cli")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.planreports.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void launcherUsesNothingOfTheApplication() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage("org.planreports.launch..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.planreports.core..",
            "org.planreports.plan..",
            "org.planreports.ingest..",
            "org.planreports.validation..",
            "org.planreports.indicator..",
            "org.planreports.assessment..",
            "org.planreports.report..",
            "org.planreports.publication..",
            "org.planreports.job..",
            "org.planreports.cli..")
        .check(classes);
  }
}
