package com.paystream.console;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the console's endpoints says who may call it (the console also refuses one that does not:
 * {@code quarkus.security.jaxrs.deny-unannotated-endpoints}), so none is left open by mistake.
 */
class EveryEndpointSaysWhoMayCallItTest {
    private static final List<Class<? extends java.lang.annotation.Annotation>> DECISIONS =
            List.of(Authenticated.class, RolesAllowed.class, PermitAll.class, DenyAll.class);
    private static final List<Class<? extends java.lang.annotation.Annotation>> VERBS =
            List.of(GET.class, POST.class, PUT.class, DELETE.class);

    @Test
    void everyResourceMethodOfTheConsoleSaysWhoMayCallIt() throws Exception {
        List<Class<?>> resources = consoleClasses().stream().filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                .toList();
        assertThat(resources).contains(ServiceProxy.class, SignIn.class, WhoIsSignedIn.class);

        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (VERBS.stream().anyMatch(method::isAnnotationPresent)) {
                    assertThat(decides(method) || decides(resource))
                            .as("%s.%s says who may call it", resource.getSimpleName(), method.getName()).isTrue();
                }
            }
        }
    }

    private static boolean decides(AnnotatedElement element) {
        return DECISIONS.stream().anyMatch(element::isAnnotationPresent);
    }

    private static List<Class<?>> consoleClasses() throws IOException, URISyntaxException {
        Path folder = Path.of(ServiceProxy.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(ServiceProxy.class.getPackageName().replace('.', '/'));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".class"))
                    .map(name -> ServiceProxy.class.getPackageName() + "." + name.substring(0, name.length() - 6))
                    .map(EveryEndpointSaysWhoMayCallItTest::load).toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ServiceProxy.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
