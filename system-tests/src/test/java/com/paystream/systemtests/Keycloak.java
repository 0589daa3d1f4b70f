package com.paystream.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real Keycloak (unpacked by the {@code keycloak} module into {@code keycloak/target/keycloak-<version>}) as a
 * process on a given port, with a fresh database under a work folder and realm {@code paystream} imported from
 * {@code keycloak/realm-paystream.json}. Every password and client secret of the realm is random, made here and given
 * to Keycloak through its environment ({@code ${PAYSTREAM_PASSWORD_OLIVIA}}, {@code ${PAYSTREAM_SECRET_DATA_SEEDER}},
 * ...). Keycloak needs Java 21 or newer: {@code PAYSTREAM_KEYCLOAK_JAVA_HOME}, else the newest JDK in
 * {@code /usr/lib/jvm}, else this JVM when it is 21 or newer. Started with the same options as
 * {@code keycloak/start.sh}, so the distribution is never re-augmented between the two.
 */
final class Keycloak implements AutoCloseable {
    static final String VERSION = "26.7.3";
    static final String REALM = "paystream";
    /** The client that people's tokens come from (password grant), as with {@code keycloak/token.sh}. */
    static final String PEOPLE_CLIENT = "paystream-cli";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(PAYSTREAM_(PASSWORD|SECRET)_[A-Z0-9_]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object STARTING = new Object();

    private final int port;
    private final Path log;
    /** person -> password, and "secret.<client-id>" -> secret (the names of keycloak.credentials). */
    private final Map<String, String> credentials;
    private final Process process;
    private final Thread reaper;

    private Keycloak(int port, Path log, Map<String, String> credentials, Process process) {
        this.port = port;
        this.log = log;
        this.credentials = credentials;
        this.process = process;
        this.reaper = new Thread(this::destroyTree, "keycloak-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts Keycloak on {@code port} with a new database in {@code work/keycloak-data} (deleted first) and its log in
     * {@code work/keycloak.log}; waits until it serves the realm. {@code consoleUrl}: the operator console's sign-in
     * redirects and web origin.
     */
    static Keycloak start(Path root, Path work, int port, String consoleUrl) {
        Path home = root.resolve("keycloak/target/keycloak-" + VERSION);
        Path realmFile = root.resolve("keycloak/realm-paystream.json");
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " is missing: build first (./mvnw -B package -DskipTests)");
        }
        try {
            Path data = work.toAbsolutePath().resolve("keycloak-data");
            deleteTree(data);
            Files.createDirectories(data);
            String realm = Files.readString(realmFile);
            installRealm(home, realmFile, realm);
            Map<String, String> credentials = new TreeMap<>();
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--health-enabled=true", "--http-management-health-enabled=false", "--log-console-color=false",
                    "-Dkc.db-url-path=" + data.getParent(), "-Dkc.data.dir=" + data.getFileName(),
                    "-Dquarkus.transaction-manager.object-store.directory=" + data.resolve("transaction-logs")));
            Path log = work.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            Matcher placeholders = PLACEHOLDER.matcher(realm);
            while (placeholders.find()) {
                String variable = placeholders.group(1);
                String value = credentials.computeIfAbsent(credentialName(variable), name -> newSecret());
                env.put(variable, value);
            }
            env.put("PAYSTREAM_CONSOLE_URL", consoleUrl);
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", newSecret());
            env.put("JAVA_HOME", javaHome().toString());
            env.put("JAVA_OPTS", "-Xms64m -Xmx384m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
                    + " -XX:+ExitOnOutOfMemoryError -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8"
                    + " -Dstderr.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom");
            // One start at a time (in this JVM and across JVMs): the first start after unpacking re-augments the
            // distribution in place (kc.sh writes lib/quarkus/), which two starts must not do together.
            synchronized (STARTING) {
                try (FileChannel lock = FileChannel.open(home.resolve(".paystream-start.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                    lock.lock(); // released when the channel closes
                    Keycloak keycloak = new Keycloak(port, log, Map.copyOf(credentials), builder.start());
                    try {
                        keycloak.awaitRealm(Duration.ofSeconds(180));
                    } catch (RuntimeException e) {
                        keycloak.close();
                        throw e;
                    }
                    return keycloak;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Keycloak", e);
        }
    }

    static Keycloak start(Path root, Path work, int port) {
        return start(root, work, port, "http://localhost:8085");
    }

    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** Where browsers reach it: its login page lives under this address. */
    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    String password(String person) {
        return credential(person);
    }

    String secret(String clientId) {
        return credential("secret." + clientId);
    }

    /** An access token of {@code person} (password grant through {@link #PEOPLE_CLIENT}). */
    String tokenFor(String person) {
        return token(Map.of("grant_type", "password", "scope", "openid", "client_id", PEOPLE_CLIENT,
                "client_secret", secret(PEOPLE_CLIENT), "username", person, "password", password(person)));
    }

    /** An access token of the client itself (client credentials: its service account's roles). */
    String tokenForClient(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret(clientId)));
    }

    @Override
    public void close() {
        destroyTree();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private String credential(String name) {
        String value = credentials.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No " + name + " in realm-paystream.json (known: "
                    + credentials.keySet() + ")");
        }
        return value;
    }

    private String token(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(issuer() + "/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !answer.hasNonNull("access_token")) {
                throw new IllegalStateException("No token for " + form.getOrDefault("username", form.get("client_id"))
                        + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return answer.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitRealm(Duration timeout) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log);
            }
            try {
                int status = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Keycloak did not serve " + discovery + " in " + timeout + " (" + last
                + "); see " + log);
    }

    /** kc.sh runs Java as its child: SIGTERM to both (kc.sh passes it on too), then SIGKILL to what is left. */
    private void destroyTree() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    /** The realm file where kc.sh start-dev --import-realm reads it, replaced atomically when it differs. */
    private static void installRealm(Path home, Path realmFile, String realm) throws IOException {
        Path target = home.resolve("data/import/realm-paystream.json");
        if (Files.exists(target) && Files.readString(target).equals(realm)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path copy = Files.createTempFile(target.getParent(), ".realm", ".tmp");
        Files.copy(realmFile, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.move(copy, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** PAYSTREAM_PASSWORD_OLIVIA is olivia, PAYSTREAM_SECRET_SCHEME_SIMULATOR is secret.scheme-simulator. */
    static String credentialName(String variable) {
        return variable.startsWith("PAYSTREAM_PASSWORD_")
                ? variable.substring("PAYSTREAM_PASSWORD_".length()).toLowerCase(Locale.ROOT)
                : "secret." + variable.substring("PAYSTREAM_SECRET_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replaceAll("[/+=]", "");
    }

    /** A JDK 21 or newer, found as keycloak/start.sh finds one. */
    static Path javaHome() {
        String configured = System.getenv("PAYSTREAM_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured);
            if (releaseMajor(home) < 21 || !Files.isExecutable(home.resolve("bin/java"))) {
                throw new IllegalStateException("PAYSTREAM_KEYCLOAK_JAVA_HOME=" + configured + " is not a Java 21 or newer");
            }
            return home;
        }
        Optional<Path> newest = Optional.empty();
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            newest = jvms.filter(home -> Files.isExecutable(home.resolve("bin/java")) && releaseMajor(home) >= 21)
                    .max(Comparator.comparingInt(Keycloak::releaseMajor));
        } catch (IOException noJvmFolder) {
            // then the PATH
        }
        if (newest.isEmpty()) { // java on the PATH: <home>/bin/java, maybe behind links
            newest = Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(dir -> !dir.isEmpty())
                    .map(dir -> Path.of(dir, "java")).filter(Files::isExecutable).findFirst().map(java -> {
                        try {
                            return java.toRealPath().getParent().getParent();
                        } catch (IOException e) {
                            return java;
                        }
                    }).filter(home -> releaseMajor(home) >= 21);
        }
        return newest.orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21 or newer: none in "
                + "/usr/lib/jvm nor on the PATH; install one, or set PAYSTREAM_KEYCLOAK_JAVA_HOME"));
    }

    private static int releaseMajor(Path home) {
        try (Stream<String> lines = Files.lines(home.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                    .map(line -> line.replaceAll("^JAVA_VERSION=\"?(\\d+).*", "$1"))
                    .filter(major -> major.matches("\\d+")).map(Integer::parseInt).orElse(0);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
