package com.paystream.emulator.tls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The node certificate read from the PEM files the real server takes. */
class NodeCertificateTest {
    private static final TestCertificates.Authority CA = TestCertificates.Authority.create("Paystream test CA");

    @TempDir
    Path files;

    @Test
    void anRsaCertificateAndItsPkcs8KeyAreRead() throws Exception {
        NodeCertificate issued = CA.issue(TestCertificates.newKeys("RSA"), "localhost");
        Path[] written = TestCertificates.write(issued, files);

        NodeCertificate read = NodeCertificate.fromPemFiles(written[0], written[1]);

        assertThat(read.chain()).isEqualTo(issued.chain());
        assertThat(read.key()).isEqualTo(issued.key());
    }

    @Test
    void aChainIsReadWithTheNodeCertificateFirst() throws Exception {
        NodeCertificate issued = CA.issue("localhost");
        Path chain = TestCertificates.writeCertificates(files.resolve("chain.crt"),
                List.of(issued.certificate(), CA.certificate()));
        Path key = TestCertificates.writePrivateKey(files.resolve("node.key"), issued.key());

        NodeCertificate read = NodeCertificate.fromPemFiles(chain, key);

        assertThat(read.chain()).containsExactly(issued.certificate(), CA.certificate());
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificateIsRefused() throws Exception {
        Path certificate = TestCertificates.writeCertificates(files.resolve("node.crt"),
                CA.issue("localhost").chain());
        Path otherKey = TestCertificates.writePrivateKey(files.resolve("other.key"), CA.issue("localhost").key());

        assertThatThrownBy(() -> NodeCertificate.fromPemFiles(certificate, otherKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the private key does not belong to the certificate CN=localhost");
    }

    @Test
    void aKeyThatIsNotPkcs8IsRefusedSayingHowToConvertIt() throws Exception {
        Path certificate = TestCertificates.writeCertificates(files.resolve("node.crt"),
                CA.issue("localhost").chain());
        Path pkcs1 = Files.writeString(files.resolve("node.key"), TestCertificates.pem("EC PRIVATE KEY", new byte[32]));

        assertThatThrownBy(() -> NodeCertificate.fromPemFiles(certificate, pkcs1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no unencrypted PKCS#8 key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void aMissingFileIsRefusedByName() {
        Path missing = files.resolve("missing.crt");

        assertThatThrownBy(() -> NodeCertificate.fromPemFiles(missing, files.resolve("node.key")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read the certificate file " + missing + " (NoSuchFileException)");
    }
}
