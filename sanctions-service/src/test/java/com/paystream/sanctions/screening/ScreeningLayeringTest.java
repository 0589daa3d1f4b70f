package com.paystream.sanctions.screening;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Name matching and party screening stay plain Java: no framework, no store client, no HTTP. */
class ScreeningLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystream.sanctions");

    @Test
    void screeningDependsOnNoFrameworkNorTheStore() {
        noClasses().that().resideInAPackage("..sanctions.screening..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "com.eventstore..",
                        "com.paystream.infrastructure..")
                .check(CLASSES);
    }
}
