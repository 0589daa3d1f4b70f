package com.paystream.seeder;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the seeder needs of a connection string beyond the client: the user it signs in as, and the HTTP address of
 * the (first) node, where EventStoreDB serves user management on the same port as gRPC.
 */
record StoreAddress(Optional<String> credentials, URI httpBase) {
    static StoreAddress of(String connectionString) {
        int scheme = connectionString.indexOf("://");
        String rest = scheme < 0 ? connectionString : connectionString.substring(scheme + 3);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        String query = rest.substring(end);
        Optional<String> credentials = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at > 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon > 0) {
                credentials = Optional.of(decode(userInfo.substring(0, colon)) + ":"
                        + decode(userInfo.substring(colon + 1)));
            }
            authority = authority.substring(at + 1);
        }
        String host = authority.split(",")[0];
        if (!host.contains(":")) {
            host += ":2113";
        }
        boolean tls = !query.toLowerCase(java.util.Locale.ROOT).matches(".*[?&]tls=false(&.*)?");
        return new StoreAddress(credentials, URI.create((tls ? "https://" : "http://") + host));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
