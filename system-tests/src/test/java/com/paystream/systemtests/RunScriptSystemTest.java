package com.paystream.systemtests;

import com.paystream.topology.StoreConnection;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** {@code ./run.sh} exactly as the README says, on the default ports, with its data in a temporary directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunScriptSystemTest {
    private static final List<Integer> PORTS = List.of(2113, 8081, 8082, 8083, 8084, 8085, 8180);
    private final Path root = Path.of(System.getProperty("paystream.root", "..")).toAbsolutePath().normalize();
    private Path data;
    private Process running;
    private Path output;
    private String paymentId;

    @BeforeAll
    void startTheSuite() throws Exception {
        Path work = Path.of(System.getProperty("paystream.work", "target/system-tests")).toAbsolutePath();
        Files.createDirectories(work);
        data = Files.createTempDirectory(work, "run-sh-data");
        start();
    }

    @AfterAll
    void stopTheSuite() throws Exception {
        if (running != null && running.isAlive()) {
            interrupt();
        }
    }

    private void start(String... options) throws IOException {
        output = Files.createTempFile(data.getParent(), "run-sh", ".out");
        List<String> command = new java.util.ArrayList<>(List.of("./run.sh"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PAYSTREAM_DATA", data.toString());
        running = builder.start();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!running.isAlive()) {
                throw new AssertionError("./run.sh exited: " + Files.readString(output));
            }
            return Files.readString(output).contains("[run.sh] ready");
        });
    }

    @Test
    @Order(4)
    void theDemoSendsItsPaymentsAndSaysHowEachEnded() {
        Pattern summary = Pattern.compile("demo summary: COMPLETED=(\\d+) HELD=(\\d+) RETURNED=(\\d+) FAILED=(\\d+) "
                + "\\(of (\\d+)\\)");
        Matcher found = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> summary.matcher(Files.readString(output)), Matcher::find);

        int settled = IntStream.rangeClosed(1, 4).map(i -> Integer.parseInt(found.group(i))).sum();
        assertThat(found.group(5)).isEqualTo("20");
        assertThat(settled).isEqualTo(20);
    }

    @Test
    @Order(1)
    void theWalkThroughInTheFlowsDocumentRunsAsWrittenEveryCallAnswered() throws Exception {
        assertRunsAsWritten(root.resolve("docs/flows.md"));
    }

    @Test
    @Order(1)
    void theReadmesExampleRunsAsWritten() throws Exception {
        assertRunsAsWritten(root.resolve("README.md"));
    }

    /** The document's command blocks pasted into one shell, in order: every call answered 2xx. */
    private void assertRunsAsWritten(Path document) throws Exception {
        List<String> blocks = DocsWalkThrough.blocks(document);
        assertThat(blocks).as("command blocks that call the suite in " + document).isNotEmpty();
        Path output = Files.createTempFile(data.getParent(), "walk-through", ".out");

        int status = DocsWalkThrough.run(blocks, root, data, output);

        String said = Files.readString(output);
        assertThat(status).as("%s as written; the end of the shell's output (all of it in %s):%n%s",
                root.relativize(document), output, said.substring(Math.max(0, said.length() - 2_000))).isZero();
    }

    /** What Ctrl-C does: SIGINT to the script. */
    private void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(running.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("./run.sh stops on Ctrl-C").isTrue();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    @Order(1)
    void aPaymentSentOnceTheSuiteIsReadyIsCredited() {
        paymentId = as("scheme-simulator").contentType(ContentType.JSON)
                .body(Map.of("kind", "valid", "beneficiary", Map.of("name", "JANE DOE", "sortCode", "608371",
                        "accountNumber", "10000009")))
                .post("http://localhost:8084/simulator/inbound-payments")
                .then().statusCode(201).extract().path("paymentId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("audrey").get("http://localhost:8081/payments/" + paymentId)
                        .then().statusCode(200).body("status", equalTo("COMPLETED")));
    }

    /**
     * A request with the access token of a person or client of the realm, got with the README's one command
     * ({@code keycloak/token.sh WHO}, reading the passwords run.sh made in its data folder).
     */
    private RequestSpecification as(String who) {
        try {
            Path token = Files.createTempFile(data.getParent(), "token", ".out");
            ProcessBuilder builder = new ProcessBuilder("keycloak/token.sh", who).directory(root.toFile())
                    .redirectOutput(token.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().put("PAYSTREAM_DATA", data.toString());
            Process process = builder.start();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("keycloak/token.sh " + who + " finishes").isTrue();
            assertThat(process.exitValue()).as("keycloak/token.sh " + who).isZero();
            return given().auth().oauth2(Files.readString(token).strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void thePasswordsMadeOnTheFirstStartAreReadableOnlyByTheirOwnerAndOpsSignsInWithThemToOperate()
            throws Exception {
        assertThat(Files.getPosixFilePermissions(data.resolve("keycloak.credentials")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        as("olivia").get("http://localhost:8081/ops/subscriptions").then().statusCode(200);
        given().get("http://localhost:8081/ops/subscriptions").then().statusCode(401);
    }

    @Test
    @Order(1)
    void anAnonymousOutboundPaymentIsRefusedAndTheCustomerSeesOnlyTheirOwnAccount() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("idempotencyKey", "anonymous", "beneficiary",
                        Map.of("name", "NORTHWIND", "sortCode", "089999", "accountNumber", "66374958"),
                        "amount", Map.of("minorUnits", 100, "currency", "GBP"), "reference", "INV 1"))
                .post("http://localhost:8083/accounts/" + java.util.UUID.nameUUIDFromBytes("account:608371:10000009"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "/outbound-payments")
                .then().statusCode(401);
        as("carol").get("http://localhost:8083/accounts/by-number/608371/10000009").then().statusCode(200);
        as("carol").get("http://localhost:8083/accounts/by-number/608371/10000013").then().statusCode(404);
    }

    @Test
    @Order(1)
    void theStoreRefusesAnyoneWithoutTheAdminPasswordRunShKeptReadableOnlyByItsOwner() throws Exception {
        Path credentials = data.resolve("eventstore.credentials");
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String admin = Files.readAllLines(credentials).stream().filter(line -> line.startsWith("admin="))
                .findFirst().orElseThrow().substring("admin=".length());

        assertThat(storeAnswer("admin", admin, "/users/")).isEqualTo(200);
        assertThat(storeAnswer("admin", "changeit", "/users/")).isEqualTo(401);
        assertThat(storeAnswer("admin", admin, "/users/accounts-service")).isEqualTo(200);
    }

    /** The store's HTTP status for a signed-in GET, over TLS trusting the CA run.sh made. */
    private int storeAnswer(String login, String password, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(StoreConnection.trusting(data.resolve("certs/ca.crt")))
                .build();
        String basic = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("https://localhost:2113" + path))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    @Order(1)
    void theStoreSpeaksTlsOnlyWithTheCertificateRunShMade() throws IOException {
        assertThat(Files.getPosixFilePermissions(data.resolve("certs/node.key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:2113/health/live")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("https://localhost:2113/health/live")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(IOException.class);
    }

    @Test
    @Order(2)
    void ctrlCStopsEveryProcessTheScriptStarted() throws Exception {
        interrupt();

        assertThat(PORTS).noneMatch(RunScriptSystemTest::listening);
    }

    @Test
    @Order(3)
    void aSecondStartKeepsThePaymentsOfTheFirst() throws Exception {
        start("--demo", "20", "--instances", "2");

        as("audrey").get("http://localhost:8081/payments/" + paymentId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    @Order(4)
    void aServiceThatDiesIsStartedAgainByTheScriptAndCreditsThePaymentsSentMeanwhile() throws Exception {
        ProcessHandle accounts = running.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("accounts-service/target/quarkus-app"))
                .findFirst().orElseThrow(() -> new AssertionError("no accounts-service process under ./run.sh"));

        accounts.destroyForcibly();
        assertThat(accounts.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        String sent = as("scheme-simulator").contentType(ContentType.JSON)
                .body(Map.of("kind", "valid", "beneficiary", Map.of("name", "JANE DOE", "sortCode", "608371",
                        "accountNumber", "10000009")))
                .post("http://localhost:8084/simulator/inbound-payments")
                .then().statusCode(201).extract().path("paymentId");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.readString(output).contains("restarted accounts-service"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                as("audrey").get("http://localhost:8081/payments/" + sent)
                        .then().statusCode(200).body("status", equalTo("COMPLETED")));
        assertThat(Files.readString(output)).contains("accounts-service exited (status 137); restarting it in 1 s");
    }

    @Test
    @Order(5)
    void withTwoInstancesEachConsumerServiceRunsTwiceOnItsGroups() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int port : List.of(8181, 8182, 8183)) {
                as("olivia").get("http://localhost:" + port + "/ops/subscriptions").then().statusCode(200)
                        .body("subscribedHere", everyItem(equalTo(true)));
            }
            as("olivia").get("http://localhost:8082/ops/subscriptions/sanctions.screen-on-validated").then()
                    .body("consumers", equalTo(2));
        });
    }

    @Test
    @Order(6)
    void aServiceThatKeepsDyingAtOnceMakesTheScriptGiveUpAndStopEverything() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (running.isAlive() && System.nanoTime() < deadline) {
            running.descendants().filter(p -> {
                String command = p.info().commandLine().orElse("");
                return command.contains("accounts-service/target/quarkus-app") && !command.contains("http.port");
            }).forEach(ProcessHandle::destroyForcibly);
            Thread.sleep(200);
        }

        assertThat(running.waitFor(60, TimeUnit.SECONDS)).as("./run.sh gave up").isTrue();
        assertThat(running.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output)).contains("restarting it in 16 s (attempt 5 of 5")
                .contains("accounts-service exited (status 137) again after 5 restarts, each within a minute of its "
                        + "start: giving up");
        assertThat(PORTS).noneMatch(RunScriptSystemTest::listening);
        assertThat(List.of(8181, 8182, 8183)).noneMatch(RunScriptSystemTest::listening);
    }
}
