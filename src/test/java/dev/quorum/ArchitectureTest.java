package dev.quorum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Enforces the package map of DESIGN.md: one headless core, two faces, dependencies pointing one way. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.quorum");
    }

    @Test
    void onlyTheUiPackageUsesJavaFx() {
        noClasses().that().resideOutsideOfPackage("dev.quorum.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void dependenciesPointFromTheFacesDownToTheModel() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Launcher").definedBy("dev.quorum")
                .layer("UI").definedBy("dev.quorum.ui..")
                .layer("CLI").definedBy("dev.quorum.cli..")
                .layer("Service").definedBy("dev.quorum.service..")
                .layer("Validate").definedBy("dev.quorum.validate..")
                .layer("Diagram").definedBy("dev.quorum.diagram..")
                .layer("Sim").definedBy("dev.quorum.sim..")
                .layer("Store").definedBy("dev.quorum.store..")
                .layer("IO").definedBy("dev.quorum.io..")
                .layer("SQL").definedBy("dev.quorum.sql..")
                .layer("Template").definedBy("dev.quorum.template..")
                .layer("Model").definedBy("dev.quorum.model..")
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("UI").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("CLI").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("UI", "CLI", "Launcher")
                .whereLayer("Validate").mayOnlyBeAccessedByLayers("Service", "UI", "CLI")
                .whereLayer("Diagram").mayOnlyBeAccessedByLayers("Service", "UI", "CLI")
                .whereLayer("Sim").mayOnlyBeAccessedByLayers("Service", "UI", "CLI")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("Service", "UI", "CLI")
                .whereLayer("IO").mayOnlyBeAccessedByLayers("Service", "UI", "CLI")
                .whereLayer("SQL").mayOnlyBeAccessedByLayers("Validate", "Diagram", "Sim", "Store", "IO", "Service", "UI", "CLI")
                .whereLayer("Template").mayOnlyBeAccessedByLayers("Validate", "Diagram", "Sim", "Store", "IO", "Service", "UI", "CLI")
                .check(classes);
    }

    @Test
    void theModelDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.quorum.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.quorum.model..", "java..")
                .check(classes);
    }
}
