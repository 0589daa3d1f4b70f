package com.paystream.topology;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The parts of an EventStoreDB connection string ({@code kurrentdb://login:password@host:2113,host2?tls=false}). */
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

    /** Whether the string asks for TLS: the clients' default, unless {@code tls=false}. */
    public static boolean tls(String connectionString) {
        return !option(connectionString, "tls").map(value -> value.equalsIgnoreCase("false")).orElse(false);
    }

    /** The CA certificate file the string trusts ({@code tlsCAFile}, any case, as the clients read it), if any. */
    public static Optional<String> caFile(String connectionString) {
        return option(connectionString, "tlsCAFile");
    }

    /** A query option's value, its name matched in any case as the clients do. */
    private static Optional<String> option(String connectionString, String name) {
        int query = connectionString.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        for (String pair : connectionString.substring(query + 1).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
                return Optional.of(decode(pair.substring(equals + 1)));
            }
        }
        return Optional.empty();
    }

    /**
     * A TLS context trusting only the CA certificates in {@code caFile} (PEM), as the store's clients do with
     * {@code tlsCAFile}: for HTTP calls to a node (its user management, its health).
     */
    public static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, ca);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("tlsCAFile " + caFile + " cannot be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tlsCAFile " + caFile + " holds no usable CA certificate: "
                    + e.getMessage(), e);
        }
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
