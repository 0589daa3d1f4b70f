package com.paystream.seeder;

import com.paystream.topology.StoreConnection;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the seeder needs of a connection string beyond the client: the user it signs in as, the HTTP address of the
 * (first) node, where EventStoreDB serves user management on the same port as gRPC, and the CA that node's
 * certificate is trusted by ({@code tlsCAFile}; else the JDK's own CAs).
 */
record StoreAddress(Optional<String> credentials, URI httpBase, Optional<Path> caFile) {
    static StoreAddress of(String connectionString) {
        String host = StoreConnection.hosts(connectionString).split(",")[0];
        if (!host.contains(":")) {
            host += ":2113";
        }
        boolean tls = StoreConnection.tls(connectionString);
        return new StoreAddress(StoreConnection.credentials(connectionString),
                URI.create((tls ? "https://" : "http://") + host),
                StoreConnection.caFile(connectionString).map(Path::of));
    }

    /** An HTTP client for the node: over TLS it trusts the connection string's CA, as the store's clients do. */
    HttpClient httpClient(Duration connectTimeout) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout);
        if (caFile.isPresent()) {
            builder.sslContext(StoreConnection.trusting(caFile.get()));
        }
        return builder.build();
    }

    /** The connection string as it may be printed: the password replaced by {@code ***}. */
    static String masked(String connectionString) {
        return connectionString.replaceFirst("(://[^:/@?]+:)[^@/?]*@", "$1***@");
    }
}
