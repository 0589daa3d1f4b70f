package com.paystream.emulator;

import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * {@code java -jar eventstore-emulator.jar [--port 2113] [--data DIR | --memory] [--host ADDRESS] [--auth]}.
 * Durable in {@code DIR} (default {@code ./data/eventstore}); {@code --memory} keeps nothing; {@code --auth} checks
 * credentials and access control lists as a secure node does (without TLS); on a new store {@code admin} and
 * {@code ops} get the passwords in {@code EVENTSTORE_DEFAULT_ADMIN_PASSWORD} / {@code EVENTSTORE_DEFAULT_OPS_PASSWORD}
 * (default changeit).
 */
public final class Main {
    private static final Logger LOG = Logger.getLogger(Main.class.getName());
    private static final String USAGE =
            "usage: java -jar eventstore-emulator.jar [--port 2113] [--data DIR | --memory] [--host 127.0.0.1]"
                    + " [--auth]";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 2113;
        Path data = Path.of("data", "eventstore");
        boolean memory = false;
        boolean dataGiven = false;
        String host = "0.0.0.0";
        boolean auth = false;
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
        EventStoreEmulator.Options options = memory ? EventStoreEmulator.inMemory() : EventStoreEmulator.durable(data);
        // as the real server: the passwords admin and ops get on a new store, from the environment (never a command
        // line, which every user of the machine can see)
        String adminPassword = System.getenv().getOrDefault("EVENTSTORE_DEFAULT_ADMIN_PASSWORD", "changeit");
        String opsPassword = System.getenv().getOrDefault("EVENTSTORE_DEFAULT_OPS_PASSWORD", "changeit");
        if (adminPassword.isEmpty() || opsPassword.isEmpty()) {
            fail("EVENTSTORE_DEFAULT_ADMIN_PASSWORD and EVENTSTORE_DEFAULT_OPS_PASSWORD must not be empty");
        }
        EventStoreEmulator emulator = options.host(host).port(port).authentication(auth)
                .defaultPasswords(adminPassword, opsPassword).start();
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "emulator-shutdown"));
        String where = (memory ? "in memory" : "durable in " + data.toAbsolutePath())
                + (auth ? "; users and access control lists enforced" : "; insecure: no authentication");
        LOG.info("EventStoreDB emulator listening on " + host + ":" + emulator.port() + " (" + where
                + "); connect with esdb://localhost:" + emulator.port() + "?tls=false");
        emulator.awaitTermination();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                fail("--port must be between 0 and 65535, got " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            fail("--port must be a number, got " + text);
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("eventstore-emulator: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
