package com.paystream.seeder;

import com.fasterxml.jackson.databind.JsonNode;
import com.paystream.emulator.EventStoreEmulator;
import com.paystream.emulator.auth.Users;
import com.paystream.events.EventJson;
import com.paystream.topology.AccountsReactions;
import com.paystream.topology.ConsumerGroups;
import com.paystream.topology.ServiceAccount;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeder against a store that enforces users and ACLs, with SEEDER_SERVICE_USERS set. */
class StoreSecurityTest {
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    @TempDir
    Path directory;
    private EventStoreEmulator emulator;
    private KurrentDBClient admin;
    private Path serviceUsers;

    @BeforeEach
    void startSecureStore() throws IOException {
        emulator = EventStoreEmulator.inMemory().authentication(true).defaultPasswords(ADMIN_PASSWORD, "ops-pw")
                .start();
        admin = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(adminConnection()));
        serviceUsers = directory.resolve("service-users.properties");
        writePasswords("first");
    }

    @AfterEach
    void stopStore() {
        admin.shutdown();
        emulator.close();
    }

    private String adminConnection() {
        return "kurrentdb://admin:" + ADMIN_PASSWORD + "@localhost:" + emulator.port() + "?tls=false";
    }

    private void writePasswords(String prefix) throws IOException {
        Files.writeString(serviceUsers, java.util.Arrays.stream(ServiceAccount.values())
                .map(account -> account.login() + "=" + prefix + "-" + account.login())
                .collect(Collectors.joining("\n")));
    }

    private MainTest.Result seedStore(String connection) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"--eventstore", connection, "--store-only"},
                Map.of("SEEDER_SERVICE_USERS", serviceUsers.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new MainTest.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Users users() {
        return emulator.users().orElseThrow();
    }

    @Test
    void eachServiceGetsItsOwnUserInOpsSigningInWithItsPassword() {
        MainTest.Result result = seedStore(adminConnection());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Main.OK);
        for (ServiceAccount account : ServiceAccount.values()) {
            assertThat(users().find(account.login())).get().satisfies(user ->
                    assertThat(user.groups()).containsExactly("$ops"));
            assertThat(users().authenticate(account.login(), "first-" + account.login())).isPresent();
        }
    }

    @Test
    void aSecondRunChangesNothing() {
        seedStore(adminConnection());

        MainTest.Result again = seedStore(adminConnection());

        assertThat(again.exitCode()).isEqualTo(Main.OK);
        assertThat(again.out()).contains("seeded: 0 changes");
    }

    @Test
    void aChangedPasswordInTheFileIsSetOnTheUser() throws IOException {
        seedStore(adminConnection());
        writePasswords("second");

        MainTest.Result result = seedStore(adminConnection());

        assertThat(result.out()).contains("reset the password of EventStoreDB user accounts-service");
        assertThat(users().authenticate("accounts-service", "second-accounts-service")).isPresent();
        assertThat(users().authenticate("accounts-service", "first-accounts-service")).isEmpty();
    }

    @Test
    void theDefaultAccessListsLetOnlyAdminsDeleteUserStreamsOrTouchSystemStreams() throws Exception {
        seedStore(adminConnection());

        JsonNode settings = EventJson.mapper().readTree(admin.readStream(StoreSecurity.SETTINGS,
                ReadStreamOptions.get().backwards().fromEnd().maxCount(1)).get(10, TimeUnit.SECONDS).getEvents()
                .get(0).getOriginalEvent().getEventData());
        assertThat(settings.path("$userStreamAcl").path("$d").asText()).isEqualTo("$admins");
        assertThat(settings.path("$userStreamAcl").path("$r").asText()).isEqualTo("$all");
        assertThat(settings.path("$systemStreamAcl").path("$r").asText()).isEqualTo("$admins");
    }

    @Test
    void aConsumerGroupsStreamsAreReadableByItsServiceOnly() throws Exception {
        seedStore(adminConnection());

        StreamMetadata metadata = admin.getStreamMetadata(AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED.stream())
                .get(10, TimeUnit.SECONDS);
        assertThat(metadata.getAcl()).isEqualTo(io.kurrent.dbclient.Acls.newStreamAcl()
                .addReadRoles("accounts-service").addMetaReadRoles("accounts-service"));
        StreamMetadata parked = admin.getStreamMetadata(AccountsReactions.CREDIT_ON_SANCTIONS_CLEARED.parkedStream())
                .get(10, TimeUnit.SECONDS);
        assertThat(parked.getAcl()).isEqualTo(metadata.getAcl());
    }

    @Test
    void aCategoryStreamIsReadableByTheServiceWhoseReadModelsFollowIt() throws Exception {
        seedStore(adminConnection());

        assertThat(admin.getStreamMetadata("$ce-screening").get(10, TimeUnit.SECONDS).getAcl())
                .isEqualTo(io.kurrent.dbclient.Acls.newStreamAcl().addReadRoles("sanctions-service")
                        .addMetaReadRoles("sanctions-service"));
    }

    @Test
    void withoutAnAdminInTheConnectionStringItRefusesToStartAndSaysWhatIsNeeded() {
        MainTest.Result result = seedStore("kurrentdb://localhost:" + emulator.port() + "?tls=false");

        assertThat(result.exitCode()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("SEEDER_SERVICE_USERS needs an admin in the connection string");
    }

    @Test
    void aFileWithoutEveryServicesPasswordIsRefusedNamingTheMissingOnes() throws IOException {
        Files.writeString(serviceUsers, "accounts-service=only-this-one\n");

        MainTest.Result result = seedStore(adminConnection());

        assertThat(result.exitCode()).isEqualTo(Main.USAGE);
        assertThat(result.err()).contains("has no password for payment-scheme-service, sanctions-service, "
                + "scheme-simulator");
    }

    @Test
    void theAdminPasswordIsNeverPrintedWhenTheStoreIsDown() throws IOException {
        String connection = adminConnection();
        emulator.close();

        MainTest.Result result = seedStore(connection);

        assertThat(result.exitCode()).isEqualTo(Main.STORE_DOWN);
        assertThat(result.err()).contains("kurrentdb://admin:***@localhost:").doesNotContain(ADMIN_PASSWORD);
    }
}
