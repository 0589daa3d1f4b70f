package com.paystream.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paystream.emulator.store.StreamAcl.Action;
import com.paystream.emulator.store.StreamAcl;
import com.paystream.emulator.store.StreamDatabase;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;

/**
 * Who may do what, as EventStoreDB's default ("legacy") policy decides on a secure node:
 * <ul>
 *   <li>anonymous callers may not touch streams (anonymous stream access is off by default since 23.10);</li>
 *   <li>{@code $admins} may do everything;</li>
 *   <li>otherwise a stream's own {@code $acl} decides, entry by entry, then the default of {@code $settings}
 *       ({@code $userStreamAcl}, or {@code $systemStreamAcl} for streams starting with {@code $}), then the
 *       built-in default (everyone for user streams, {@code $admins} for system streams); the role {@code $all}
 *       is every signed-in user;</li>
 *   <li>a metastream {@code $$s} is read and written with {@code $mr} / {@code $mw} of {@code s};</li>
 *   <li>{@code $all} is never written or deleted; read per the system-stream default unless {@code $$$all} says.</li>
 * </ul>
 * Without authentication (the emulator's default, like an insecure node) everything is allowed.
 */
public final class AccessControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS = "$settings";

    private final StreamDatabase store;
    private final boolean enabled;
    private volatile Settings settings = new Settings(-2, null, null);

    private record Settings(long revision, StreamAcl user, StreamAcl system) {
    }

    private AccessControl(StreamDatabase store, boolean enabled) {
        this.store = store;
        this.enabled = enabled;
    }

    /** Everything allowed: an insecure node. */
    public static AccessControl insecure(StreamDatabase store) {
        return new AccessControl(store, false);
    }

    /** Authentication and access control lists enforced: a secure node. */
    public static AccessControl secure(StreamDatabase store) {
        return new AccessControl(store, true);
    }

    public boolean allowed(Principal principal, String stream, Action action) {
        if (!enabled) {
            return true;
        }
        if (!principal.authenticated()) {
            return false;
        }
        if (principal.isAdmin()) {
            return true;
        }
        String target = stream == null || stream.isEmpty() ? "$all" : stream;
        Action needed = action;
        if (target.equals("$all") && (action == Action.WRITE || action == Action.DELETE)) {
            return false;
        }
        if (target.startsWith("$$")) {
            if (action != Action.READ && action != Action.WRITE) {
                return false;
            }
            needed = action == Action.READ ? Action.META_READ : Action.META_WRITE;
            target = target.substring(2);
        }
        List<String> roles = rolesFor(target, needed);
        return roles.contains("$all") || roles.stream().anyMatch(principal::has);
    }

    /** The streams {@code principal} may read, as a test of a stream's name. */
    public Predicate<String> readableBy(Principal principal) {
        return stream -> allowed(principal, stream, Action.READ);
    }

    /** Only {@code $ops} and {@code $admins} manage persistent subscriptions (create, update, delete, replay). */
    public boolean mayManageSubscriptions(Principal principal) {
        return !enabled || principal.isOpsOrAdmin();
    }

    /** Anything that needs no more than a signed-in caller (e.g. listing subscriptions). */
    public boolean signedIn(Principal principal) {
        return !enabled || principal.authenticated();
    }

    private List<String> rolesFor(String stream, Action action) {
        boolean system = stream.startsWith("$");
        StreamAcl own = store.metadataOf(stream).acl();
        if (own != null && own.rolesFor(action) != null) {
            return own.rolesFor(action);
        }
        Settings current = settings();
        StreamAcl configured = system ? current.system() : current.user();
        if (configured != null && configured.rolesFor(action) != null) {
            return configured.rolesFor(action);
        }
        return (system ? StreamAcl.SYSTEM_DEFAULT : StreamAcl.USER_DEFAULT).rolesFor(action);
    }

    /** The defaults in {@code $settings}' last event, read again only when it changes. */
    private Settings settings() {
        long revision = store.lastRevision(SETTINGS);
        Settings known = settings;
        if (known.revision() == revision) {
            return known;
        }
        StreamAcl user = null;
        StreamAcl system = null;
        byte[] data = store.lastEventData(SETTINGS);
        if (data != null) {
            try {
                JsonNode node = JSON.readTree(data);
                if (node != null) {
                    user = StreamAcl.parse(node.get("$userStreamAcl"));
                    system = StreamAcl.parse(node.get("$systemStreamAcl"));
                }
            } catch (IOException e) {
                // unreadable settings change nothing: the built-in defaults apply, as on the real server
            }
        }
        Settings read = new Settings(revision, user, system);
        settings = read;
        return read;
    }
}
