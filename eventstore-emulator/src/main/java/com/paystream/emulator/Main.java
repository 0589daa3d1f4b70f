package com.paystream.emulator;

import com.paystream.emulator.tls.NodeCertificate;

import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * {@code java -jar eventstore-emulator.jar [--port 2113] [--data DIR | --memory] [--host ADDRESS] [--auth]
 * [--tls --cert-file FILE --key-file FILE] [--cluster-node-ports PORT[,PORT...]]}.
 * Durable in {@code DIR} (default {@code ./data/eventstore}); {@code --memory} keeps nothing; {@code --auth} checks
 * credentials and access control lists as a secure node does; on a new store {@code admin} and {@code ops} get the
 * passwords in {@code EVENTSTORE_DEFAULT_ADMIN_PASSWORD} / {@code EVENTSTORE_DEFAULT_OPS_PASSWORD} (default
 * changeit). {@code --tls} serves gRPC and the HTTP API over TLS only, with the node certificate (chain) in PEM and its
 * unencrypted PKCS#8 PEM private key, as the real server's {@code CertificateFile} / {@code CertificatePrivateKeyFile};
 * without {@code --cert-file} / {@code --key-file} they are taken from {@code EVENTSTORE_CERTIFICATE_FILE} /
 * {@code EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE}, as the real server does. {@code --cluster-node-ports} plays a
 * cluster: one more node on each port, serving the same store, the node on {@code --port} the leader at the start.
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final String USAGE =
            "usage: java -jar eventstore-emulator.jar [--port 2113] [--data DIR | --memory] [--host 127.0.0.1]"
                    + " [--auth] [--tls --cert-file FILE --key-file FILE] [--cluster-node-ports PORT[,PORT...]]\n"
                    + "  --tls without --cert-file / --key-file reads EVENTSTORE_CERTIFICATE_FILE /"
                    + " EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 2113;
        Path data = Path.of("data", "eventstore");
        boolean memory = false;
        boolean dataGiven = false;
        String host = "0.0.0.0";
        boolean auth = false;
        boolean tls = false;
        String certificateFile = null;
        String privateKeyFile = null;
        int[] clusterNodePorts = new int[0];
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = parsePort(value(args, ++i, "--port"));
                case "--data" -> {
                    data = Path.of(value(args, ++i, "--data"));
                    dataGiven = true;
                }
                case "--memory" -> memory = true;
                case "--auth" -> auth = true;
                case "--host" -> host = value(args, ++i, "--host");
                case "--tls" -> tls = true;
                case "--cert-file" -> certificateFile = value(args, ++i, "--cert-file");
                case "--key-file" -> privateKeyFile = value(args, ++i, "--key-file");
                case "--cluster-node-ports" -> clusterNodePorts = parsePorts(value(args, ++i, "--cluster-node-ports"));
                case "--help", "-h" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        if (memory && dataGiven) {
            fail("--data and --memory exclude each other");
        }
        if (!tls && (certificateFile != null || privateKeyFile != null)) {
            fail("--cert-file and --key-file go with --tls");
        }
        EventStoreEmulator.Options options = memory ? EventStoreEmulator.inMemory() : EventStoreEmulator.durable(data);
        // as the real server: the passwords admin and ops get on a new store, from the environment (never a command
        // line, which every user of the machine can see)
        String adminPassword = System.getenv().getOrDefault("EVENTSTORE_DEFAULT_ADMIN_PASSWORD", "changeit");
        String opsPassword = System.getenv().getOrDefault("EVENTSTORE_DEFAULT_OPS_PASSWORD", "changeit");
        if (adminPassword.isEmpty() || opsPassword.isEmpty()) {
            fail("EVENTSTORE_DEFAULT_ADMIN_PASSWORD and EVENTSTORE_DEFAULT_OPS_PASSWORD must not be empty");
        }
        NodeCertificate certificate = null;
        if (tls) {
            certificate = nodeCertificate(certificateFile, privateKeyFile);
            options.tls(certificate);
        }
        EventStoreEmulator emulator = options.host(host).port(port).authentication(auth)
                .defaultPasswords(adminPassword, opsPassword).clusterNodePorts(clusterNodePorts).start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        String where = (memory ? "in memory" : "durable in " + data.toAbsolutePath())
                + (auth ? "; users and access control lists enforced" : "; insecure: no authentication");
        LOG.info("EventStoreDB emulator listening on " + host + ":" + emulator.port() + (tls ? " over TLS" : "")
                + " (" + where + "); connect with " + emulator.connectionString()
                + (tls ? "&tlsCAFile=CA_FILE (CA_FILE: the PEM certificate of the CA that issued the node certificate, "
                        + certificate.certificate().getIssuerX500Principal().getName() + ")" : ""));
        if (clusterNodePorts.length > 0) {
            LOG.info("Playing a cluster of " + emulator.ports().size() + " nodes on the ports " + emulator.ports()
                    + ", the node on " + emulator.port() + " the leader; discover it with "
                    + emulator.discoverConnectionString());
        }
        emulator.awaitTermination();
    }

    /** The node certificate from the files given, else from the environment variables the real server reads. */
    private static NodeCertificate nodeCertificate(String certificateFile, String privateKeyFile) {
        String certificate = certificateFile != null ? certificateFile : environment("EVENTSTORE_CERTIFICATE_FILE");
        String privateKey = privateKeyFile != null ? privateKeyFile
                : environment("EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE");
        if (certificate == null || privateKey == null) {
            fail("--tls needs the node certificate: --cert-file FILE (PEM) and --key-file FILE (PEM PKCS#8), or"
                    + " EVENTSTORE_CERTIFICATE_FILE and EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE");
        }
        try {
            return NodeCertificate.fromPemFiles(Path.of(certificate), Path.of(privateKey));
        } catch (IllegalArgumentException e) {
            fail("--tls: " + e.getMessage());
            return null;
        }
    }

    private static String environment(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        return parsePort(text, "--port");
    }

    private static int parsePort(String text, String option) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                fail(option + " must be between 0 and 65535, got " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            fail(option + " must be a number, got " + text);
            return -1;
        }
    }

    private static int[] parsePorts(String text) {
        String[] parts = text.split(",");
        int[] ports = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ports[i] = parsePort(parts[i], "--cluster-node-ports");
        }
        return ports;
    }

    private static void fail(String message) {
        System.err.println("eventstore-emulator: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
