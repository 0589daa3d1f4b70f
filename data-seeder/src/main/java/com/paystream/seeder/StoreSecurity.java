package com.paystream.seeder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.events.EventJson;
import com.paystream.topology.ServiceAccount;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Each service's own EventStoreDB user and what it may read, idempotently (signed in as an admin):
 * <ol>
 *   <li>a user per {@link ServiceAccount}, in {@code $ops} (so that it may create its consumer groups and replay
 *       their parked messages; {@code $ops} grants no stream access), with the password given; a user whose
 *       password no longer works gets it reset;</li>
 *   <li>the default ACLs in {@code $settings}: user streams readable and writable by every signed-in user (the
 *       shared payment streams; a service's private streams carry their own ACL), deleted by {@code $admins} only;
 *       system streams for {@code $admins} only (they include {@code $all}, users and settings);</li>
 *   <li>read access to exactly the system streams each service reads ({@link ServiceAccount#readableSystemStreams}).
 *       The real server replaces a parked stream's ACL with {@code $admins} only when it truncates the stream after
 *       a replay; {@link ParkedStreamGrants} gives the read access back at once.</li>
 * </ol>
 */
final class StoreSecurity {
    static final String SETTINGS = "$settings";
    static final String SETTINGS_EVENT_TYPE = "update-default-acl";

    private final KurrentDBClient client;
    private final ServiceApi users;
    private final Map<ServiceAccount, String> passwords;
    private final SeedReport report;

    StoreSecurity(KurrentDBClient client, ServiceApi users, Map<ServiceAccount, String> passwords,
                  SeedReport report) {
        this.client = client;
        this.users = users;
        this.passwords = passwords;
        this.report = report;
    }

    void seed() throws InterruptedException, ServiceApi.Unexpected {
        for (ServiceAccount account : ServiceAccount.values()) {
            user(account, passwords.get(account));
        }
        defaultAcls();
        for (Map.Entry<String, Set<String>> stream : readers().entrySet()) {
            readableBy(stream.getKey(), new ArrayList<>(stream.getValue()));
        }
    }

    private void user(ServiceAccount account, String password) throws InterruptedException, ServiceApi.Unexpected {
        String path = "/users/" + account.login();
        ServiceApi.Answer found = users.expect(users.get(path), "GET", path, 200, 404);
        if (found.status() == 404) {
            users.expect(users.post("/users/", Map.of("loginName", account.login(), "fullName", account.login(),
                    "groups", List.of("$ops"), "password", password)), "POST", "/users/", 201);
            report.changed("created EventStoreDB user " + account.login() + " (group $ops)");
            return;
        }
        boolean changed = false;
        List<String> groups = new ArrayList<>();
        found.body().path("data").path("groups").forEach(group -> groups.add(group.asText()));
        if (!groups.contains("$ops")) {
            groups.add("$ops");
            users.expect(users.put(path, Map.of("fullName", found.body().path("data").path("fullName")
                    .asText(account.login()), "groups", groups)), "PUT", path, 200);
            report.changed("added EventStoreDB user " + account.login() + " to $ops");
            changed = true;
        }
        ServiceApi self = users.signedInAs(ServiceApi.Authorization.basic(Optional.of(account.login() + ":"
                + password)));
        if (self.get(path).status() == 401) {
            String reset = path + "/command/reset-password";
            users.expect(users.post(reset, Map.of("newPassword", password)), "POST", reset, 200);
            report.changed("reset the password of EventStoreDB user " + account.login());
            changed = true;
        }
        if (!changed) {
            report.unchanged("EventStoreDB user " + account.login());
        }
    }

    /** The defaults every stream without an ACL of its own gets. */
    static ObjectNode defaultAclSettings() {
        ObjectNode settings = EventJson.mapper().createObjectNode();
        settings.putObject("$userStreamAcl").put("$r", "$all").put("$w", "$all").put("$d", "$admins")
                .put("$mr", "$all").put("$mw", "$all");
        settings.putObject("$systemStreamAcl").put("$r", "$admins").put("$w", "$admins").put("$d", "$admins")
                .put("$mr", "$admins").put("$mw", "$admins");
        return settings;
    }

    private void defaultAcls() throws InterruptedException {
        ObjectNode wanted = defaultAclSettings();
        try {
            JsonNode current = null;
            try {
                List<ResolvedEvent> last = ReadGrant.await(client.readStream(SETTINGS, ReadStreamOptions.get().backwards()
                        .fromEnd().maxCount(1))).getEvents();
                if (!last.isEmpty()) {
                    current = EventJson.mapper().readTree(last.get(0).getOriginalEvent().getEventData());
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof StreamNotFoundException)) {
                    throw e;
                }
            }
            if (wanted.equals(current)) {
                report.unchanged("default stream ACLs in " + SETTINGS);
                return;
            }
            ReadGrant.await(client.appendToStream(SETTINGS, EventDataBuilder.json(UUID.randomUUID(), SETTINGS_EVENT_TYPE,
                    EventJson.mapper().writeValueAsBytes(wanted)).build()));
            report.changed("set the default stream ACLs in " + SETTINGS
                    + " (user streams: everyone signed in, deletes by $admins; system streams: $admins)");
        } catch (ExecutionException | TimeoutException | IOException e) {
            report.failed("Cannot set the default stream ACLs in " + SETTINGS + ": " + ConsumerGroupSeeding.message(e));
        }
    }

    /** Each system stream a service reads, with the logins that read it. */
    static Map<String, Set<String>> readers() {
        Map<String, Set<String>> readers = new TreeMap<>();
        for (ServiceAccount account : ServiceAccount.values()) {
            for (String stream : account.readableSystemStreams()) {
                readers.computeIfAbsent(stream, s -> new LinkedHashSet<>()).add(account.login());
            }
        }
        return readers;
    }

    private void readableBy(String stream, List<String> logins) throws InterruptedException {
        String label = stream + " readable by " + String.join(", ", logins);
        try {
            if (ReadGrant.ensure(client, stream, logins)) {
                report.changed("made " + label);
            } else {
                report.unchanged(label);
            }
        } catch (ExecutionException | TimeoutException e) {
            report.failed("Cannot make " + label + ": " + ConsumerGroupSeeding.message(e));
        }
    }
}
