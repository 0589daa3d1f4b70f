package com.paystream.systemtests;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/** {@code ./run.sh} exactly as the README says, on the default ports, with its data in a temporary directory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunScriptSystemTest {
    private static final List<Integer> PORTS = List.of(2113, 8081, 8082, 8083, 8084, 8085);
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
        paymentId = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "valid", "beneficiary", Map.of("name", "JANE DOE", "sortCode", "608371",
                        "accountNumber", "10000001")))
                .post("http://localhost:8084/simulator/inbound-payments")
                .then().statusCode(201).extract().path("paymentId");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("http://localhost:8081/payments/" + paymentId)
                        .then().statusCode(200).body("status", equalTo("COMPLETED")));
    }

    /** Signed in as the operator run.sh made on its first start (its login:password, kept in the data folder). */
    private RequestSpecification asOperator() throws IOException {
        String[] credentials = Files.readString(data.resolve("operator.credentials")).strip().split(":", 2);
        return given().auth().preemptive().basic(credentials[0], credentials[1]);
    }

    @Test
    @Order(1)
    void theOperatorMadeOnTheFirstStartIsKeptReadableOnlyByItsOwnerAndMayUseTheOperationsApi() throws Exception {
        assertThat(Files.getPosixFilePermissions(data.resolve("operator.credentials")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(data.resolve("operators.properties")))
                .doesNotContain(Files.readString(data.resolve("operator.credentials")).strip().split(":", 2)[1]);

        asOperator().get("http://localhost:8081/ops/subscriptions").then().statusCode(200);
        given().get("http://localhost:8081/ops/subscriptions").then().statusCode(401);
    }

    @Test
    @Order(1)
    void theStoreRefusesAnyoneWithoutTheAdminPasswordRunShKeptReadableOnlyByItsOwner() throws Exception {
        Path credentials = data.resolve("eventstore.credentials");
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String admin = Files.readAllLines(credentials).stream().filter(line -> line.startsWith("admin="))
                .findFirst().orElseThrow().substring("admin=".length());

        given().auth().preemptive().basic("admin", admin).get("http://localhost:2113/users/").then().statusCode(200);
        given().auth().preemptive().basic("admin", "changeit").get("http://localhost:2113/users/").then()
                .statusCode(401);
        given().auth().preemptive().basic("admin", admin).get("http://localhost:2113/users/accounts-service")
                .then().statusCode(200);
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
        start("--demo", "20");

        given().get("http://localhost:8081/payments/" + paymentId)
                .then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    @Order(5)
    void withTwoInstancesEachConsumerServiceRunsTwiceOnItsGroupsAndStopsOnCtrlC() throws Exception {
        interrupt();
        start("--memory", "--instances", "2");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int port : List.of(8181, 8182, 8183)) {
                asOperator().get("http://localhost:" + port + "/ops/subscriptions").then().statusCode(200)
                        .body("subscribedHere", everyItem(equalTo(true)));
            }
            asOperator().get("http://localhost:8082/ops/subscriptions/sanctions.screen-on-validated").then()
                    .body("consumers", equalTo(2));
        });
        interrupt();
        assertThat(List.of(8181, 8182, 8183)).noneMatch(RunScriptSystemTest::listening);
    }
}
