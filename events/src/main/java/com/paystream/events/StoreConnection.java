package com.paystream.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The parts of an EventStoreDB connection string ({@code esdb://login:password@host:2113,host2?tls=false}). */
public final class StoreConnection {
    private StoreConnection() {
    }

    /** The user the string signs in as, as {@code login:password} (decoded); empty without one. */
    public static Optional<String> credentials(String connectionString) {
        String authority = authority(connectionString);
        int at = authority.lastIndexOf('@');
        if (at <= 0) {
            return Optional.empty();
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String login = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        return login.isEmpty() ? Optional.empty()
                : Optional.of(login + ":" + (colon < 0 ? "" : decode(userInfo.substring(colon + 1))));
    }

    /** The nodes, {@code host[:port]} separated by commas, without the user. */
    public static String hosts(String connectionString) {
        String authority = authority(connectionString);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** Everything between the scheme and the path or query. */
    private static String authority(String connectionString) {
        int scheme = connectionString.indexOf("://");
        String rest = scheme < 0 ? connectionString : connectionString.substring(scheme + 3);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
