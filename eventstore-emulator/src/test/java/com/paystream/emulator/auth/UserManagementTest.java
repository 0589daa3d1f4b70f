package com.paystream.emulator.auth;

import com.paystream.emulator.EventStoreEmulator;
import com.paystream.emulator.TestEvents;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.StreamState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users managed over the HTTP API of a secure emulator, as a deployment script or the seeder would. */
class UserManagementTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private EventStoreEmulator emulator;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private EventStoreEmulator start(EventStoreEmulator.Options options) {
        emulator = options.authentication(true).start();
        opened.add(emulator::close);
        return emulator;
    }

    private HttpResponse<String> call(String credentials, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + emulator.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> createUser(String login, String password, String groups) throws Exception {
        return call("admin:changeit", "POST", "/users/", "{\"loginName\":\"" + login + "\",\"fullName\":\"" + login
                + "\",\"groups\":" + groups + ",\"password\":\"" + password + "\"}");
    }

    private KurrentDBClient client(String credentials) {
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(
                "kurrentdb://" + credentials + "@localhost:" + emulator.port() + "?tls=false"));
        opened.add(() -> client.shutdown().get(5, TimeUnit.SECONDS));
        return client;
    }

    private static void append(KurrentDBClient client, String stream) throws Exception {
        client.appendToStream(stream, AppendToStreamOptions.get().streamState(StreamState.any()),
                TestEvents.json("Thing")).get(5, TimeUnit.SECONDS);
    }

    private static Status.Code codeOf(Throwable thrown) {
        Throwable cause = thrown;
        while (cause != null && !(cause instanceof StatusRuntimeException)) {
            cause = cause.getCause();
        }
        return cause == null ? null : ((StatusRuntimeException) cause).getStatus().getCode();
    }

    @Test
    void aUserTheAdministratorCreatesCanSignInAndWrite() throws Exception {
        start(EventStoreEmulator.inMemory());

        assertThat(createUser("payments-svc", "s3cret-1", "[\"services\"]").statusCode()).isEqualTo(201);

        String stream = "thing-" + UUID.randomUUID();
        append(client("payments-svc:s3cret-1"), stream);
        assertThat(client("payments-svc:s3cret-1").readStream(stream, ReadStreamOptions.get())
                .get(5, TimeUnit.SECONDS).getEvents()).hasSize(1);
    }

    @Test
    void aUsersGroupIsARoleTheStreamAclsCanName() throws Exception {
        start(EventStoreEmulator.inMemory());
        createUser("payments-svc", "s3cret-1", "[\"services\"]");
        String stream = "shared-" + UUID.randomUUID();
        client("admin:changeit").appendToStream("$$" + stream, TestEvents.json("$metadata",
                "{\"$acl\":{\"$r\":\"services\",\"$w\":\"services\"}}")).get(5, TimeUnit.SECONDS);

        append(client("payments-svc:s3cret-1"), stream);
        assertThatThrownBy(() -> append(client("ops:changeit"), stream))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void onlyAnAdministratorManagesUsers() throws Exception {
        start(EventStoreEmulator.inMemory());

        assertThat(call(null, "POST", "/users/", "{\"loginName\":\"x\",\"password\":\"y\"}").statusCode())
                .isEqualTo(401);
        assertThat(call("admin:wrong", "GET", "/users/", null).statusCode()).isEqualTo(401);
        assertThat(call("ops:changeit", "POST", "/users/", "{\"loginName\":\"x\",\"password\":\"y\"}").statusCode())
                .isEqualTo(403);
        assertThat(call("admin:changeit", "GET", "/users/x", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aLoginCanBeCreatedOnlyOnce() throws Exception {
        start(EventStoreEmulator.inMemory());
        createUser("payments-svc", "s3cret-1", "[]");

        assertThat(createUser("payments-svc", "other", "[]").statusCode()).isEqualTo(409);
    }

    @Test
    void aUserIsShownWithItsGroupsAndNeverItsPassword() throws Exception {
        start(EventStoreEmulator.inMemory());
        createUser("payments-svc", "s3cret-1", "[\"services\"]");

        HttpResponse<String> shown = call("admin:changeit", "GET", "/users/payments-svc", null);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"loginName\":\"payments-svc\"").contains("\"services\"")
                .doesNotContain("s3cret-1").doesNotContain("hash");
    }

    @Test
    void aDisabledUserCanNoLongerSignIn() throws Exception {
        start(EventStoreEmulator.inMemory());
        createUser("payments-svc", "s3cret-1", "[]");

        assertThat(call("admin:changeit", "POST", "/users/payments-svc/command/disable", "").statusCode())
                .isEqualTo(200);

        assertThatThrownBy(() -> append(client("payments-svc:s3cret-1"), "thing-" + UUID.randomUUID()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aResetPasswordReplacesTheOldOne() throws Exception {
        start(EventStoreEmulator.inMemory());
        createUser("payments-svc", "s3cret-1", "[]");

        call("admin:changeit", "POST", "/users/payments-svc/command/reset-password", "{\"newPassword\":\"s3cret-2\"}");

        append(client("payments-svc:s3cret-2"), "thing-" + UUID.randomUUID());
        assertThatThrownBy(() -> append(client("payments-svc:s3cret-1"), "thing-" + UUID.randomUUID()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aDurableEmulatorKeepsItsUsersAcrossARestart(@TempDir Path data) throws Exception {
        start(EventStoreEmulator.durable(data));
        createUser("payments-svc", "s3cret-1", "[]");
        emulator.close();
        opened.clear();

        start(EventStoreEmulator.durable(data));

        append(client("payments-svc:s3cret-1"), "thing-" + UUID.randomUUID());
    }
}
