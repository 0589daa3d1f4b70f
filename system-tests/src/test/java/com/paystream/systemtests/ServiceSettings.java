package com.paystream.systemtests;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings each program of the suite reads, as environment variable names: what a deployment file (docker-compose,
 * Kubernetes) may set for it. Quarkus reads a.b-c from A_B_C.
 */
final class ServiceSettings {
    static final Path ROOT = Path.of(System.getProperty("paystream.root", "..")).toAbsolutePath().normalize();

    /** The modules that connect to the store, each as its own KurrentDB user of the same name. */
    static final List<String> STORE_CLIENTS = List.of("payment-scheme-service", "sanctions-service",
            "accounts-service", "scheme-simulator");

    /** Every Quarkus program of the suite: the store's clients and the operator console. */
    static final List<String> QUARKUS_MODULES = List.of("payment-scheme-service", "sanctions-service",
            "accounts-service", "scheme-simulator", "operator-console");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    /**
     * Settings of Quarkus' OIDC extensions that only a deployment gives (the defaults suit ./run.sh): the tokens'
     * issuer where the services reach Keycloak at another address than browsers do, and a client's secret.
     */
    private static final List<String> DEPLOYMENT_ONLY = List.of("QUARKUS_OIDC_TOKEN_ISSUER",
            "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET");

    private ServiceSettings() {
    }

    /**
     * The environment names a module reads: its application.properties, the settings every service shares
     * (infrastructure's; not the console's, which does without infrastructure), and the deployment-only OIDC settings.
     */
    static List<String> environmentNamesOf(String module) {
        List<String> names = environmentNames(ROOT.resolve(module).resolve("src/main/resources/application.properties"));
        if (!module.equals("operator-console")) {
            names.addAll(environmentNames(ROOT.resolve(
                    "infrastructure/src/main/resources/META-INF/microprofile-config.properties")));
        }
        names.addAll(DEPLOYMENT_ONLY);
        return names;
    }

    /**
     * A setting of a module as written: in its application.properties, else in the settings every service shares
     * (infrastructure's, not for the console), else the default infrastructure's EventStoreConfig declares for it.
     */
    static Optional<String> value(String module, String key) {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve(module).resolve(
                "src/main/resources/application.properties")));
        if (!module.equals("operator-console")) {
            files.add(ROOT.resolve("infrastructure/src/main/resources/META-INF/microprofile-config.properties"));
        }
        for (Path file : files) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (properties.containsKey(key)) {
                return Optional.of(properties.getProperty(key));
            }
        }
        if (module.equals("operator-console") || !key.startsWith("eventstore.")) {
            return Optional.empty();
        }
        String method = Pattern.compile("-([a-z])").matcher(key.substring(key.lastIndexOf('.') + 1))
                .replaceAll(letter -> letter.group(1).toUpperCase(Locale.ROOT));
        Matcher declared = Pattern.compile("@WithDefault\\(\"([^\"]+)\"\\)\\s+\\w+ " + method + "\\(\\)")
                .matcher(read(ROOT.resolve(
                        "infrastructure/src/main/java/com/paystream/infrastructure/client/EventStoreConfig.java")));
        return declared.find() ? Optional.of(declared.group(1)) : Optional.empty();
    }

    /** Whether the data seeder reads this environment variable (its Main names each one it reads as a string). */
    static boolean seederReads(String name) {
        return read(ROOT.resolve("data-seeder/src/main/java/com/paystream/seeder/Main.java"))
                .contains("\"" + name + "\"");
    }

    /** The keys of a properties file as environment names, and the variables its values name ({@code ${NAME:…}}). */
    private static List<String> environmentNames(Path properties) {
        List<String> lines = read(properties).lines()
                .filter(line -> line.contains("=") && !line.startsWith("#") && !line.startsWith(" ")).toList();
        List<String> names = new ArrayList<>(lines.stream()
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .map(key -> key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)).toList());
        lines.forEach(line -> {
            Matcher variable = VARIABLE.matcher(line);
            while (variable.find()) {
                names.add(variable.group(1));
            }
        });
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
