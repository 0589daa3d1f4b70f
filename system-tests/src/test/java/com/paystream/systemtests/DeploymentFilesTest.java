package com.paystream.systemtests;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.paystream.systemtests.ComposeFiles.environment;
import static com.paystream.systemtests.ServiceSettings.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the Dockerfiles cannot run here (no Docker): what can be checked without it is checked —
 * the compose file parses, each image is built from a module whose Dockerfile copies files the build makes, and every
 * environment variable names a setting the program reads. Each check runs over the single-node file and over the
 * three-node cluster (docker-compose.cluster.yml merged onto it as compose merges it); what only the cluster has is
 * checked by {@link ComposeClusterFilesTest}.
 */
class DeploymentFilesTest {
    private static final Pattern COPY = Pattern.compile("^COPY (?:--\\S+ )*(\\S+) ", Pattern.MULTILINE);

    static Stream<ComposeFiles> composeFiles() {
        return Stream.of(ComposeFiles.singleNode(), ComposeFiles.cluster());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void theComposeFileRunsEveryServiceTheSeederAndTheIdentityProvider(ComposeFiles compose) {
        assertThat(compose.services()).containsKeys("eventstore", "keycloak", "payment-scheme-service",
                "sanctions-service", "accounts-service", "scheme-simulator", "operator-console", "data-seeder",
                "store-setup", "parked-grants", "certificates");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void theStoreIsASecureKurrentDbWithProjectionsAVolumeAndAHealthCheck(ComposeFiles compose) {
        assertThat(compose.storeNodes()).isNotEmpty().allSatisfy((name, store) -> {
            assertThat((String) store.get("image")).as(name).startsWith("kurrentplatform/kurrentdb:26.0.");
            assertThat(environment(store)).as(name).containsEntry("KURRENTDB_RUN_PROJECTIONS", "All")
                    .containsEntry("KURRENTDB_START_STANDARD_PROJECTIONS", "true")
                    .doesNotContainKey("KURRENTDB_INSECURE")
                    .containsKeys("KURRENTDB_CERTIFICATE_FILE", "KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE",
                            "KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH");
            assertThat(store).as(name).containsKeys("volumes", "healthcheck");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void everyServiceConnectsToTheStoreOverTlsAsItsOwnUser(ComposeFiles compose) {
        for (String module : ServiceSettings.STORE_CLIENTS) {
            assertThat(String.valueOf(environment(compose.services().get(module)).get("EVENTSTORE_CONNECTION_STRING")))
                    .as(module).matches("kurrentdb(\\+discover)?://" + module + ":.*")
                    .contains("tls=true&tlsCAFile=");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void keycloakImportsTheRealmFileOfTheRepositoryWithNoSecretInTheComposeFile(ComposeFiles compose) {
        Map<String, Object> keycloak = compose.services().get("keycloak");

        assertThat((String) keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:26.");
        assertThat((List<?>) keycloak.get("volumes")).anySatisfy(volume -> assertThat(volume.toString())
                .startsWith("./keycloak/realm-paystream.json:/opt/keycloak/data/import/"));
        assertThat(environment(keycloak)).allSatisfy((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(String.valueOf(value)).as(name).startsWith("${").endsWith("}");
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void everyImageIsBuiltFromAModuleWhoseDockerfileCopiesWhatTheBuildMakes(ComposeFiles compose) throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : compose.services().entrySet()) {
            Object build = service.getValue().get("build");
            if (build == null) {
                continue;
            }
            Path module = ROOT.resolve((String) build).normalize();
            String dockerfile = Files.readString(module.resolve("Dockerfile"));
            Matcher copy = COPY.matcher(dockerfile);
            int copies = 0;
            while (copy.find()) {
                String source = copy.group(1);
                copies++;
                if (source.contains("*")) {
                    assertThat(module.resolve("target/quarkus-app/quarkus-run.jar")).as(service.getKey()).exists();
                } else {
                    assertThat(module.resolve(source)).as(service.getKey() + ": " + source).exists();
                }
            }
            assertThat(copies).as(service.getKey() + " copies its build").isPositive();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void everyImageRunsAsANonRootUser(ComposeFiles compose) throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : compose.services().entrySet()) {
            Object build = service.getValue().get("build");
            if (build != null) {
                assertThat(Files.readString(ROOT.resolve((String) build).resolve("Dockerfile")))
                        .as(service.getKey()).containsPattern("(?m)^USER (?!root)\\S+");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void everyServicesEnvironmentVariableNamesASettingOfThatService(ComposeFiles compose) {
        for (String module : ServiceSettings.STORE_CLIENTS) {
            assertThat(environment(compose.services().get(module)).keySet()).as(module)
                    .isSubsetOf(ServiceSettings.environmentNamesOf(module));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void everyConsoleEnvironmentVariableNamesASettingOfTheConsole(ComposeFiles compose) {
        assertThat(environment(compose.services().get("operator-console")).keySet())
                .isSubsetOf(ServiceSettings.environmentNamesOf("operator-console"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("composeFiles")
    void everySeederEnvironmentVariableIsOneTheSeederReads(ComposeFiles compose) {
        assertThat(environment(compose.services().get("data-seeder")).keySet())
                .allSatisfy(name -> assertThat(ServiceSettings.seederReads(name)).as(name).isTrue());
    }
}
