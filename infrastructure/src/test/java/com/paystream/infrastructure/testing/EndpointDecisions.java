package com.paystream.infrastructure.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every HTTP endpoint of a service's code, and the decision on who may call it: {@code @RolesAllowed} (which roles),
 * {@code @PermitAll} or {@code @DenyAll}, on the method or its class. A service's test lists its endpoints with this
 * and fails on one without a decision (the services also refuse such an endpoint at run time:
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public final class EndpointDecisions {
    private static final List<Class<? extends Annotation>> METHODS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    private EndpointDecisions() {
    }

    /** One endpoint: its HTTP method and path, the Java method, and who may call it (empty: no decision). */
    public record Endpoint(String httpMethod, String path, String javaMethod, Optional<String> decision) {
        @Override
        public String toString() {
            return httpMethod + " " + path + " (" + javaMethod + "): " + decision.orElse("NO DECISION");
        }
    }

    /** Every endpoint declared by the main code under these packages (tests excluded). */
    public static List<Endpoint> of(String... packages) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages(packages);
        return classes.stream().flatMap(type -> type.getMethods().stream())
                .flatMap(method -> METHODS.stream().filter(method::isAnnotatedWith)
                        .map(http -> new Endpoint(http.getSimpleName(), path(method), method.getFullName(),
                                decision(method))))
                .sorted(java.util.Comparator.comparing(Endpoint::path).thenComparing(Endpoint::httpMethod))
                .toList();
    }

    private static String path(JavaMethod method) {
        String base = method.getOwner().tryGetAnnotationOfType(Path.class).map(Path::value).orElse("");
        String own = method.tryGetAnnotationOfType(Path.class).map(Path::value).orElse("");
        return (base + (own.isEmpty() || own.startsWith("/") ? own : "/" + own)).replace("//", "/");
    }

    private static Optional<String> decision(JavaMethod method) {
        return Stream.of(decisionOn(method.tryGetAnnotationOfType(RolesAllowed.class),
                                method.tryGetAnnotationOfType(PermitAll.class), method.isAnnotatedWith(DenyAll.class)),
                        decisionOn(method.getOwner().tryGetAnnotationOfType(RolesAllowed.class),
                                method.getOwner().tryGetAnnotationOfType(PermitAll.class),
                                method.getOwner().isAnnotatedWith(DenyAll.class)))
                .flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> decisionOn(Optional<RolesAllowed> roles, Optional<PermitAll> permitAll,
                                               boolean denyAll) {
        if (roles.isPresent()) {
            return Optional.of("roles " + String.join(", ", roles.get().value()));
        }
        if (permitAll.isPresent()) {
            return Optional.of("anyone");
        }
        return denyAll ? Optional.of("no one") : Optional.empty();
    }
}
