package com.paystream.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the packaged data seeder as a process. */
final class Seeder {
    record Run(int exitCode, String stdout, String stderr) {
    }

    private Seeder() {
    }

    /** Against the suite's store and services, with extra arguments. */
    static Run run(Suite suite, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--eventstore", suite.connectionString,
                "--accounts-url", suite.accounts(""), "--sanctions-url", suite.sanctions("")));
        args.addAll(extra);
        return runWith(suite, args);
    }

    static Run runWith(Suite suite, List<String> args) {
        Path jar = ServiceProcess.existing(suite.root.resolve("data-seeder/target/data-seeder.jar"));
        List<String> command = new ArrayList<>(ServiceProcess.jvm());
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        try {
            Path out = Files.createTempFile(suite.work, "seeder", ".out");
            Path err = Files.createTempFile(suite.work, "seeder", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().put("SEEDER_OIDC_ISSUER", suite.keycloak().issuer());
            builder.environment().put("SEEDER_CLIENT_SECRET", suite.keycloak().secret("data-seeder"));
            builder.environment().put("SEEDER_SERVICE_USERS", suite.storeUsers.toString());
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The data seeder did not finish in 120 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
