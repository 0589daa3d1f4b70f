package com.paystream.sanctions;

import com.paystream.sanctions.list.SanctionsListCommand;
import com.paystream.sanctions.list.SanctionsListEvent;
import com.paystream.sanctions.screenings.ScreeningEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's packages and what each may use. The rules of a screening and of the sanctions list, their commands
 * and events, and the name matcher are plain Java: no framework, no HTTP, no store client, no infrastructure. No
 * class of the service uses the store client: infrastructure is the one place that does.
 */
class SanctionsArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystream.sanctions");

    private static final String[] FRAMEWORKS_AND_STORE = {"io.quarkus..", "io.smallrye..", "jakarta..",
            "org.jboss..", "com.eventstore..", "com.paystream.infrastructure..", "com.paystream.topology.."};

    /** A class or one nested in it, by the top-level class's name. */
    private static DescribedPredicate<JavaClass> classesNamed(String packageName, Set<String> simpleNames) {
        return describe("the classes " + simpleNames + " of " + packageName, javaClass ->
                javaClass.getPackageName().equals(packageName)
                        && simpleNames.contains(javaClass.getName().substring(packageName.length() + 1)
                        .split("\\$")[0]));
    }

    @Test
    void theScreeningDeciderItsStateCommandAndEventsDependOnNoFrameworkNorTheStore() {
        noClasses().that(classesNamed("com.paystream.sanctions.screenings", Set.of("ScreeningDecider", "Screening",
                        "DecideHeldPayment", "ScreeningRejection")).or(assignableTo(ScreeningEvent.class)))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_STORE)
                .check(CLASSES);
    }

    @Test
    void theSanctionsListDeciderItsStateCommandsAndEventsDependOnNoFrameworkNorTheStore() {
        noClasses().that(classesNamed("com.paystream.sanctions.list", Set.of("SanctionsListDecider",
                        "SanctionsList", "SanctionsListRejection")).or(assignableTo(SanctionsListCommand.class))
                        .or(assignableTo(SanctionsListEvent.class)))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_STORE)
                .check(CLASSES);
    }

    @Test
    void theNameMatcherDependsOnNoFrameworkNorTheStore() {
        noClasses().that().resideInAPackage("..sanctions.matching..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS_AND_STORE)
                .check(CLASSES);
    }

    @Test
    void noClassUsesTheStoreClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.eventstore..")
                .check(CLASSES);
    }

    @Test
    void theFeaturePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("com.paystream.sanctions.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
