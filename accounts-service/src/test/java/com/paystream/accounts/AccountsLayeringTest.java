package com.paystream.accounts;

import com.paystream.infrastructure.readmodel.ReadModel;
import com.paystream.infrastructure.subscription.Reaction;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service is cut by business capability: {@code account} (the aggregate, its events, the account's own commands
 * and reads), {@code inbound} (crediting inbound payments), {@code outbound} (outbound payments) and {@code ledger}
 * (the ledger read model, history and its snapshots), with {@code config} beside them.
 *
 * <p>In each capability the framework-facing classes are recognisable by what the framework needs of them: CDI beans
 * ({@code @ApplicationScoped}, {@code @RequestScoped}: stores, handlers), JAX-RS resources ({@code @Path}), reactions
 * ({@code Reaction}) and read models ({@code ReadModel}), with the types nested in them (their views and requests).
 * Everything else is the domain (state, deciders, events, rules): plain Java. No class of the service uses the
 * EventStoreDB client: it reads and writes through infrastructure.
 */
class AccountsLayeringTest {
    private static final String BASE = "com.paystream.accounts";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    private static final DescribedPredicate<JavaClass> FRAMEWORK_FACING = describe(
            "framework-facing (a CDI bean, a JAX-RS resource, a reaction or a read model, or nested in one)",
            AccountsLayeringTest::frameworkFacing);

    private static final DescribedPredicate<JavaClass> DOMAIN = describe(
            "the domain of a capability (state, deciders, events, rules)",
            javaClass -> resideInAnyPackage(BASE + ".account..", BASE + ".inbound..", BASE + ".outbound..",
                    BASE + ".ledger..").test(javaClass) && !frameworkFacing(javaClass));

    private static boolean frameworkFacing(JavaClass javaClass) {
        JavaClass outermost = outermost(javaClass);
        return outermost.isAnnotatedWith(ApplicationScoped.class) || outermost.isAnnotatedWith(RequestScoped.class)
                || outermost.isAnnotatedWith(Path.class) || outermost.isAssignableTo(Reaction.class)
                || outermost.isAssignableTo(ReadModel.class);
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outermost = javaClass;
        while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost;
    }

    @Test
    void theDomainOfEveryCapabilityDependsOnNoFrameworkNorTheStoreNorInfrastructure() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "com.eventstore..",
                        "com.paystream.infrastructure..", "com.paystream.topology..")
                .check(CLASSES);
    }

    @Test
    void theDomainOfEveryCapabilityUsesNoBeanNorResource() {
        noClasses().that(DOMAIN).should().dependOnClassesThat(FRAMEWORK_FACING).check(CLASSES);
    }

    @Test
    void noClassOfTheServiceUsesTheStoreClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.eventstore..").check(CLASSES);
    }

    @Test
    void theCapabilitiesDependOnlyOnTheAccountAndTheAccountOnlyReadsTheLedger() {
        slices().matching(BASE + ".(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        resideInAnyPackage(BASE + ".account..", BASE + ".config.."))
                .ignoreDependency(simpleName("AccountsResource"), resideInAnyPackage(BASE + ".ledger.."))
                .check(CLASSES);
    }
}
