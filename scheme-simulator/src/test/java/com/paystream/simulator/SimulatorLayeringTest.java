package com.paystream.simulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** No class of the simulator uses the EventStoreDB client: it reads and writes through infrastructure. */
class SimulatorLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystream.simulator");

    @Test
    void noClassOfTheServiceUsesTheStoreClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.eventstore..").check(CLASSES);
    }
}
