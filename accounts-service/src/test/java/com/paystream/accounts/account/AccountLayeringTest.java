package com.paystream.accounts.account;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The account's rules and events stay plain Java: no framework, no EventStoreDB client, no HTTP. */
class AccountLayeringTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.paystream.accounts");

    @Test
    void theAccountDomainDependsOnNoFrameworkNorTheStoreClient() {
        noClasses()
                .that(describe("the account domain (state, decider, events, rule)", javaClass ->
                        (javaClass.getSimpleName().startsWith("Account")
                                || javaClass.getSimpleName().startsWith("Outbound"))
                                && !javaClass.getSimpleName().endsWith("Resource")
                                && !javaClass.getSimpleName().equals("Accounts")
                                && !javaClass.getSimpleName().equals("OutboundPayments")
                                && !javaClass.getSimpleName().equals("OutboundOutcomes")
                                || javaClass.getName().contains("AccountDecider")))
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "com.eventstore..",
                        "com.paystream.infrastructure..")
                .check(CLASSES);
    }
}
