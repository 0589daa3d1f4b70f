package com.paystream.scheme;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The scheme's rules (modulus check, Bacs rules, outcome decisions, the Standard 18 file reader) stay plain Java, and no class of the service uses
 * the EventStoreDB client: it reads and writes through infrastructure.
 */
class SchemeLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystream.scheme");

    @Test
    void theSchemesRulesDependOnNoFrameworkNorTheStore() {
        noClasses().that().resideInAPackage("..scheme.modulus..")
                .or().resideInAPackage("..scheme.bacsfile..")
                .or().haveSimpleName("BacsCharacterSet")
                .or().haveSimpleName("BacsRules")
                .or().haveSimpleName("InboundOutcomeDecider")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "com.eventstore..",
                        "com.paystream.infrastructure..", "com.paystream.topology..")
                .check(CLASSES);
    }

    @Test
    void noClassOfTheServiceUsesTheStoreClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.eventstore..").check(CLASSES);
    }
}
