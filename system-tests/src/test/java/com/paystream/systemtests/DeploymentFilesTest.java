package com.paystream.systemtests;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the Dockerfiles cannot run here (no Docker): what can be checked without it is checked —
 * the compose file parses, each image is built from a module whose Dockerfile copies files the build makes, and every
 * environment variable names a setting the program reads.
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of(System.getProperty("paystream.root", "..")).toAbsolutePath().normalize();
    private static final Pattern COPY = Pattern.compile("^COPY (?:--\\S+ )*(\\S+) ", Pattern.MULTILINE);
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    /**
     * Settings of Quarkus' OIDC extensions that only a deployment gives (the defaults suit ./run.sh): the tokens'
     * issuer where the services reach Keycloak at another address than browsers do, and a client's secret.
     */
    private static final List<String> DEPLOYMENT_ONLY = List.of("QUARKUS_OIDC_TOKEN_ISSUER",
            "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");

    /**
     * Quarkus reads a.b-c from A_B_C: the environment names of a module's application.properties and of the settings
     * every service shares (infrastructure's), and the deployment-only OIDC settings.
     */
    private static List<String> environmentNamesOf(String module) throws IOException {
        List<String> names = environmentNames(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        names.addAll(environmentNames(ROOT.resolve(
                "infrastructure/src/main/resources/META-INF/microprofile-config.properties")));
        names.addAll(DEPLOYMENT_ONLY);
        return names;
    }

    /** The keys of a properties file as environment names, and the variables its values name ({@code ${NAME:…}}). */
    private static List<String> environmentNames(Path properties) throws IOException {
        List<String> lines = Files.readAllLines(properties).stream()
                .filter(line -> line.contains("=") && !line.startsWith("#") && !line.startsWith(" ")).toList();
        List<String> names = lines.stream().map(line -> line.substring(0, line.indexOf('=')).strip())
                .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT))
                .collect(Collectors.toList());
        lines.forEach(line -> {
            Matcher variable = VARIABLE.matcher(line);
            while (variable.find()) {
                names.add(variable.group(1));
            }
        });
        return names;
    }

    @Test
    void theComposeFileRunsEveryServiceTheSeederAndTheIdentityProvider() throws IOException {
        assertThat(services()).containsKeys("eventstore", "keycloak", "payment-scheme-service", "sanctions-service",
                "accounts-service", "scheme-simulator", "operator-console", "data-seeder", "store-setup",
                "parked-grants", "certificates");
    }

    @Test
    void theStoreIsASecureEventStoreDbNodeWithProjectionsAVolumeAndAHealthCheck() throws IOException {
        Map<String, Object> store = services().get("eventstore");

        assertThat((String) store.get("image")).startsWith("kurrentplatform/kurrentdb:26.0.");
        assertThat(environment(store)).containsEntry("KURRENTDB_RUN_PROJECTIONS", "All")
                .containsEntry("KURRENTDB_START_STANDARD_PROJECTIONS", "true")
                .doesNotContainKey("KURRENTDB_INSECURE")
                .containsKeys("KURRENTDB_CERTIFICATE_FILE", "KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE",
                        "KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH");
        assertThat(store).containsKeys("volumes", "healthcheck");
    }

    @Test
    void everyServiceConnectsToTheStoreOverTlsAsItsOwnUser() throws IOException {
        for (String module : List.of("payment-scheme-service", "sanctions-service", "accounts-service",
                "scheme-simulator")) {
            assertThat(String.valueOf(environment(services().get(module)).get("EVENTSTORE_CONNECTION_STRING")))
                    .as(module).startsWith("kurrentdb://" + module + ":").contains("tls=true&tlsCAFile=");
        }
    }

    @Test
    void keycloakImportsTheRealmFileOfTheRepositoryWithNoSecretInTheComposeFile() throws IOException {
        Map<String, Object> keycloak = services().get("keycloak");

        assertThat((String) keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:26.");
        assertThat((List<?>) keycloak.get("volumes")).anySatisfy(volume -> assertThat(volume.toString())
                .startsWith("./keycloak/realm-paystream.json:/opt/keycloak/data/import/"));
        assertThat(environment(keycloak)).allSatisfy((name, value) -> {
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(String.valueOf(value)).as(name).startsWith("${").endsWith("}");
            }
        });
    }

    @Test
    void everyImageIsBuiltFromAModuleWhoseDockerfileCopiesWhatTheBuildMakes() throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
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

    @Test
    void everyImageRunsAsANonRootUser() throws IOException {
        for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
            Object build = service.getValue().get("build");
            if (build != null) {
                assertThat(Files.readString(ROOT.resolve((String) build).resolve("Dockerfile")))
                        .as(service.getKey()).containsPattern("(?m)^USER (?!root)\\S+");
            }
        }
    }

    @Test
    void everyServicesEnvironmentVariableNamesASettingOfThatService() throws IOException {
        for (String module : List.of("payment-scheme-service", "sanctions-service", "accounts-service",
                "scheme-simulator")) {
            List<String> known = environmentNamesOf(module);
            assertThat(environment(services().get(module)).keySet()).as(module).isSubsetOf(known);
        }
    }

    @Test
    void everyConsoleEnvironmentVariableNamesASettingOfTheConsole() throws IOException {
        List<String> known = environmentNames(
                ROOT.resolve("operator-console/src/main/resources/application.properties"));
        known.addAll(DEPLOYMENT_ONLY);

        assertThat(environment(services().get("operator-console")).keySet()).isSubsetOf(known);
    }

    @Test
    void everySeederEnvironmentVariableIsOneTheSeederReads() throws IOException {
        String seeder = Files.readString(ROOT.resolve("data-seeder/src/main/java/com/paystream/seeder/Main.java"));

        assertThat(environment(services().get("data-seeder")).keySet())
                .allSatisfy(name -> assertThat(seeder).contains("\"" + name + "\""));
    }
}
