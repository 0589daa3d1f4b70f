package com.paystream.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An access control list as EventStoreDB keeps it: in a stream's metadata ({@code $acl}) or as the defaults of
 * {@code $settings} ({@code $userStreamAcl}, {@code $systemStreamAcl}). Each entry is the users or groups allowed, or
 * null when the list does not say (the next level decides). A JSON string is one role, an array several, an empty
 * array nobody but {@code $admins}.
 */
public record StreamAcl(List<String> read, List<String> write, List<String> delete, List<String> metaRead,
                        List<String> metaWrite) {

    /** What an operation needs. */
    public enum Action {
        READ("$r"), WRITE("$w"), DELETE("$d"), META_READ("$mr"), META_WRITE("$mw");

        final String key;

        Action(String key) {
            this.key = key;
        }
    }

    /** The server's built-in default for user streams: everyone. */
    public static final StreamAcl USER_DEFAULT = everyone("$all");
    /** The server's built-in default for system streams ({@code $...}): administrators. */
    public static final StreamAcl SYSTEM_DEFAULT = everyone("$admins");

    private static StreamAcl everyone(String role) {
        List<String> roles = List.of(role);
        return new StreamAcl(roles, roles, roles, roles, roles);
    }

    /** The list in {@code node}; null when {@code node} is not an object. */
    public static StreamAcl parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return new StreamAcl(roles(node.get("$r")), roles(node.get("$w")), roles(node.get("$d")),
                roles(node.get("$mr")), roles(node.get("$mw")));
    }

    /** The roles for {@code action}, or null when this list does not say. */
    public List<String> rolesFor(Action action) {
        return switch (action) {
            case READ -> read;
            case WRITE -> write;
            case DELETE -> delete;
            case META_READ -> metaRead;
            case META_WRITE -> metaWrite;
        };
    }

    private static List<String> roles(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return List.of(value.asText());
        }
        if (value.isArray()) {
            List<String> roles = new ArrayList<>();
            value.forEach(role -> {
                if (role.isTextual()) {
                    roles.add(role.asText());
                }
            });
            return List.copyOf(roles);
        }
        return null;
    }
}
