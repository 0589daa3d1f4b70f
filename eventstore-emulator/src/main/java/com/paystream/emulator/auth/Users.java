package com.paystream.emulator.auth;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users the server knows, as EventStoreDB starts them: {@code admin} (group {@code $admins}) and {@code ops}
 * (group {@code $ops}), both with the password {@code changeit}. Passwords are kept only as salted PBKDF2 hashes; a
 * verified login is remembered (as a hash of what was sent) so that each call does not pay for PBKDF2 again.
 */
public final class Users {
    public static final String DEFAULT_PASSWORD = "changeit";
    private static final int ITERATIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private record User(String login, String fullName, Set<String> groups, byte[] salt, byte[] hash,
                        boolean disabled) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    /** SHA-256 of "login:password" sent and verified → the principal; forgotten whenever a user changes. */
    private final Map<String, Principal> verified = new ConcurrentHashMap<>();

    public Users() {
        create("admin", "Event Store Administrator", Set.of(Principal.ADMINS), DEFAULT_PASSWORD);
        create("ops", "Event Store Operations", Set.of(Principal.OPS), DEFAULT_PASSWORD);
    }

    /** Adds a user; false when the login is taken. */
    public synchronized boolean create(String login, String fullName, Set<String> groups, String password) {
        if (users.containsKey(login)) {
            return false;
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        users.put(login, new User(login, fullName, Set.copyOf(groups), salt, hash(password, salt), false));
        verified.clear();
        return true;
    }

    /** The principal for these credentials, or empty when they match no enabled user. */
    public Optional<Principal> authenticate(String login, String password) {
        String key = HexFormat.of().formatHex(sha256(login + ":" + password));
        Principal known = verified.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        User user = users.get(login);
        if (user == null || user.disabled()
                || !MessageDigest.isEqual(user.hash(), hash(password, user.salt()))) {
            return Optional.empty();
        }
        Principal principal = new Principal(user.login(), groupsOf(user));
        verified.put(key, principal);
        return Optional.of(principal);
    }

    /** The user's groups; {@code admin} is always an administrator, as on the real server. */
    private static Set<String> groupsOf(User user) {
        if (user.login().equals("admin") && !user.groups().contains(Principal.ADMINS)) {
            java.util.HashSet<String> groups = new java.util.HashSet<>(user.groups());
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
