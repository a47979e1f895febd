package dev.rungs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md: dependencies point down only, and only the app knows the UI libraries. */
class ArchitectureTest {
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rungs");

    @Test
    void onlyTheAppImportsJavaFxControlsFxOrJFreeChart() {
        noClasses().that().resideOutsideOfPackage("dev.rungs.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..")
                .check(MAIN);
    }

    @Test
    void samplersAndSchedulersDoNotKnowWhereTrialsRun() {
        noClasses().that().resideInAnyPackage("dev.rungs.sampler..", "dev.rungs.scheduler..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.rungs.engine.TrialExecutor")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.rungs.engine.LocalTrialExecutor")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.rungs.engine.TrialHost")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.rungs.engine.Worker")
                .check(MAIN);
    }

    @Test
    void layersDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("app").definedBy("dev.rungs.app..")
                .layer("cli").definedBy("dev.rungs.cli..")
                .layer("spec").definedBy("dev.rungs.spec..")
                .layer("engine").definedBy("dev.rungs.engine..")
                .layer("objective").definedBy("dev.rungs.objective..")
                .layer("scheduler").definedBy("dev.rungs.scheduler..")
                .layer("sampler").definedBy("dev.rungs.sampler..")
                .layer("store").definedBy("dev.rungs.store..")
                .layer("study").definedBy("dev.rungs.study..")
                .layer("space").definedBy("dev.rungs.space..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("spec").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("spec", "cli", "app")
                .whereLayer("objective").mayOnlyBeAccessedByLayers("engine", "spec", "cli", "app")
                .whereLayer("scheduler").mayOnlyBeAccessedByLayers("objective", "engine", "spec", "cli", "app")
                .whereLayer("sampler").mayOnlyBeAccessedByLayers("scheduler", "engine", "spec", "cli", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("engine", "spec", "cli", "app")
                .whereLayer("study").mayOnlyBeAccessedByLayers("store", "sampler", "scheduler", "objective",
                        "engine", "spec", "cli", "app")
                .check(MAIN);
    }
}
