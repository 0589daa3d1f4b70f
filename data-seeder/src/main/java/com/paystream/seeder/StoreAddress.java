package com.paystream.seeder;

import com.paystream.events.StoreConnection;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What the seeder needs of a connection string beyond the client: the user it signs in as, and the HTTP address of
 * the (first) node, where EventStoreDB serves user management on the same port as gRPC.
 */
record StoreAddress(Optional<String> credentials, URI httpBase) {
    static StoreAddress of(String connectionString) {
        String host = StoreConnection.hosts(connectionString).split(",")[0];
        if (!host.contains(":")) {
            host += ":2113";
        }
        boolean tls = !connectionString.toLowerCase(Locale.ROOT).matches(".*[?&]tls=false(&.*)?");
        return new StoreAddress(StoreConnection.credentials(connectionString),
                URI.create((tls ? "https://" : "http://") + host));
    }

    /** The connection string as it may be printed: the password replaced by {@code ***}. */
    static String masked(String connectionString) {
        return connectionString.replaceFirst("(://[^:/@?]+:)[^@/?]*@", "$1***@");
    }
}
