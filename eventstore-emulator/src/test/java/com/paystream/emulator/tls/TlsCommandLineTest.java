package com.paystream.emulator.tls;

import com.paystream.emulator.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar eventstore-emulator.jar --tls ...}, run as its own process. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsCommandLineTest {
    @TempDir
    static Path files;
    private static Path certificateFile;
    private static Path keyFile;

    @BeforeAll
    static void writeNodeCertificate() throws IOException {
        Path[] node = TestCertificates.write(TestCertificates.Authority.create("Paystream test CA").issue("localhost"),
                files);
        certificateFile = node[0];
        keyFile = node[1];
    }

    /** The emulator's output (log and errors) until it exits, or up to the line that says how to connect. */
    private static Result run(Map<String, String> environment, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--memory",
                "--port", "0"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("EVENTSTORE_CERTIFICATE_FILE");
        builder.environment().remove("EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE");
        builder.environment().putAll(environment);
        Process process = builder.start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder text = new StringBuilder();
            for (String line; (line = output.readLine()) != null; ) {
                text.append(line).append('\n');
                if (line.contains("connect with")) {
                    return new Result(text.toString(), null);
                }
            }
            return new Result(text.toString(), process.waitFor());
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** What it printed; the exit code if it exited, null if it started. */
    private record Result(String output, Integer exitCode) {
    }

    @Test
    void tlsWithoutTheCertificateFilesIsRefusedAtStart() throws Exception {
        Result result = run(Map.of(), "--tls");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("--tls needs the node certificate: --cert-file FILE (PEM) and"
                + " --key-file FILE (PEM PKCS#8), or EVENTSTORE_CERTIFICATE_FILE and"
                + " EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE");
    }

    @Test
    void tlsWithAMissingKeyFileIsRefusedAtStart() throws Exception {
        Path missing = files.resolve("missing.key");

        Result result = run(Map.of(), "--tls", "--cert-file", certificateFile.toString(), "--key-file",
                missing.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("cannot read the private key file " + missing);
    }

    @Test
    void theStartupLineSaysHowToConnectOverTls() throws Exception {
        Result result = run(Map.of(), "--tls", "--cert-file", certificateFile.toString(), "--key-file",
                keyFile.toString());

        assertThat(result.exitCode()).isNull();
        assertThat(result.output()).containsPattern("connect with esdb://localhost:\\d+\\?tls=true&tlsCAFile=CA_FILE"
                + " \\(CA_FILE: the PEM certificate of the CA that issued the node certificate,"
                + " CN=Paystream test CA\\)");
    }

    @Test
    void theCertificateFilesCanComeFromTheServersEnvironmentVariables() throws Exception {
        Result result = run(Map.of("EVENTSTORE_CERTIFICATE_FILE", certificateFile.toString(),
                "EVENTSTORE_CERTIFICATE_PRIVATE_KEY_FILE", keyFile.toString()), "--tls");

        assertThat(result.exitCode()).isNull();
        assertThat(result.output()).contains(" over TLS ");
    }
}
