package com.paystream.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paystream.emulator.store.ExpectedRevision;
import com.paystream.emulator.store.ProposedEvent;
import com.paystream.emulator.store.ResolvedEvent;
import com.paystream.emulator.store.StreamDatabase;
import com.paystream.emulator.store.StreamRead;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The users the server knows. A new store starts with EventStoreDB's two: {@code admin} (group {@code $admins}) and
 * {@code ops} (group {@code $ops}), both with the password {@code changeit} unless others are given. Every change is an event in the system
 * stream {@value #STREAM} (readable by {@code $admins} only), so a durable emulator keeps its users; passwords are
 * kept only as salted PBKDF2 hashes. A verified login is remembered (as a hash of what was sent) so that each call
 * does not pay for PBKDF2 again; any change forgets them all.
 */
public final class Users {
    private static final String DEFAULT_PASSWORD = "changeit";
    static final String STREAM = "$users";
    private static final String USER_EVENT = "$User";
    private static final String DELETED_EVENT = "$UserDeleted";
    private static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a user is, as the API shows it (no password). */
    public record UserView(String loginName, String fullName, Set<String> groups, boolean disabled) {
    }

    private record User(String login, String fullName, Set<String> groups, byte[] salt, byte[] hash,
                        boolean disabled) {
        UserView view() {
            return new UserView(login, fullName, new TreeSet<>(groups), disabled);
        }
    }

    private final StreamDatabase store;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    /** The users of {@code store}; a new store gets {@code admin} and {@code ops} with the password changeit. */
    public Users(StreamDatabase store) {
        this(store, DEFAULT_PASSWORD, DEFAULT_PASSWORD);
    }

    /**
     * As {@link #Users(StreamDatabase)}, with the passwords {@code admin} and {@code ops} get when the store is new (the
     * real server's {@code DefaultAdminPassword} / {@code DefaultOpsPassword}); an existing user keeps its own.
     */
    public Users(StreamDatabase store, String adminPassword, String opsPassword) {
        this.store = store;
        load();
        if (!users.containsKey("admin")) {
            create("admin", "Event Store Administrator", Set.of(Principal.ADMINS), adminPassword);
        }
        if (!users.containsKey("ops")) {
            create("ops", "Event Store Operations", Set.of(Principal.OPS), opsPassword);
        }
    }

    private void load() {
        StreamRead read = store.readStream(STREAM, 0, true, Long.MAX_VALUE, false);
        if (!(read instanceof StreamRead.Events events)) {
            return;
        }
        for (ResolvedEvent event : events.events()) {
            try {
                JsonNode data = JSON.readTree(event.event().data());
                String login = data.path("loginName").asText();
                if (event.event().type().equals(DELETED_EVENT)) {
                    users.remove(login);
                } else if (event.event().type().equals(USER_EVENT)) {
                    Set<String> groups = new HashSet<>();
                    data.path("groups").forEach(group -> groups.add(group.asText()));
                    users.put(login, new User(login, data.path("fullName").asText(), Set.copyOf(groups),
                            Base64.getDecoder().decode(data.path("salt").asText()),
                            Base64.getDecoder().decode(data.path("hash").asText()),
                            data.path("disabled").asBoolean()));
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("Unreadable user record " + event.event().revision() + "@" + STREAM,
                        e);
            }
        }
    }

    /** Adds a user; false when the login is taken. */
    public synchronized boolean create(String login, String fullName, Set<String> groups, String password) {
        if (users.containsKey(login)) {
            return false;
        }
        save(withPassword(login, fullName, groups, false, password));
        return true;
    }

    /** New full name and groups; false when there is no such user. */
    public boolean update(String login, String fullName, Set<String> groups) {
        return change(login, user -> new User(login, fullName, Set.copyOf(groups), user.salt(), user.hash(),
                user.disabled()));
    }

    public boolean setDisabled(String login, boolean disabled) {
        return change(login, user -> new User(login, user.fullName(), user.groups(), user.salt(), user.hash(),
                disabled));
    }

    public boolean resetPassword(String login, String password) {
        return change(login, user -> withPassword(login, user.fullName(), user.groups(), user.disabled(), password));
    }

    /** Saves {@code change} of the user; false when there is no such user. */
    private synchronized boolean change(String login, UnaryOperator<User> change) {
        User user = users.get(login);
        if (user == null) {
            return false;
        }
        save(change.apply(user));
        return true;
    }

    /** A user whose password is {@code password}, under a new salt. */
    private static User withPassword(String login, String fullName, Set<String> groups, boolean disabled,
                                     String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new User(login, fullName, Set.copyOf(groups), salt, hash(password, salt), disabled);
    }

    public synchronized boolean delete(String login) {
        if (!users.containsKey(login)) {
            return false;
        }
        append(DELETED_EVENT, JSON.createObjectNode().put("loginName", login));
        users.remove(login);
        verified.clear();
        return true;
    }

    public Optional<UserView> find(String login) {
        return Optional.ofNullable(users.get(login)).map(User::view);
    }

    public List<UserView> all() {
        return users.values().stream().map(User::view)
                .sorted(java.util.Comparator.comparing(UserView::loginName)).toList();
    }

    /** The principal for these credentials, or empty when they match no enabled user. */
    public Optional<Principal> authenticate(String login, String password) {
        String key = Base64.getEncoder().encodeToString(sha256(login + ":" + password));
        Principal known = verified.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        User user = users.get(login);
        if (user == null || user.disabled() || !MessageDigest.isEqual(user.hash(), hash(password, user.salt()))) {
            return Optional.empty();
        }
        Principal principal = new Principal(user.login(), groupsOf(user));
        verified.put(key, principal);
        return Optional.of(principal);
    }

    private void save(User user) {
        ObjectNode data = JSON.createObjectNode().put("loginName", user.login()).put("fullName", user.fullName())
                .put("salt", Base64.getEncoder().encodeToString(user.salt()))
                .put("hash", Base64.getEncoder().encodeToString(user.hash())).put("disabled", user.disabled());
        user.groups().forEach(data.putArray("groups")::add);
        append(USER_EVENT, data);
        users.put(user.login(), user);
        verified.clear();
    }

    private void append(String type, ObjectNode data) {
        try {
            store.append(STREAM, ExpectedRevision.ANY, List.of(new ProposedEvent(UUID.randomUUID(), type, true,
                    JSON.writeValueAsBytes(data), new byte[0]))).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user's groups; {@code admin} is always an administrator, as on the real server. */
    private static Set<String> groupsOf(User user) {
        if (user.login().equals("admin") && !user.groups().contains(Principal.ADMINS)) {
            Set<String> groups = new HashSet<>(user.groups());
            groups.add(Principal.ADMINS);
            return groups;
        }
        return user.groups();
    }

    private static byte[] hash(String password, byte[] salt) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
