package com.paystream.emulator.tls;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Throwaway certificate authorities and node certificates for the TLS tests (EC P-256 keys unless told otherwise, so
 * they are made in milliseconds), and the PEM files a node and its clients read them from.
 */
final class TestCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A certificate authority that can issue node certificates. */
    record Authority(X509Certificate certificate, PrivateKey key) {
        static Authority create(String name) {
            KeyPair keys = newKeys("EC");
            X500Name subject = new X500Name("CN=" + name);
            return new Authority(sign(keys.getPrivate(), subject, subject, keys.getPublic(), true), keys.getPrivate());
        }

        /** A node certificate for these host names and IP addresses, with a new EC key. */
        NodeCertificate issue(String... hosts) {
            return issue(newKeys("EC"), hosts);
        }

        /** A node certificate for these host names and IP addresses, for {@code keys}. */
        NodeCertificate issue(KeyPair keys, String... hosts) {
            X500Name issuer = new X500Name(certificate.getSubjectX500Principal().getName());
            X509Certificate node = sign(key, issuer, new X500Name("CN=" + hosts[0]), keys.getPublic(), false, hosts);
            return new NodeCertificate(List.of(node), keys.getPrivate());
        }

        /** Writes this authority's certificate, as a client's {@code tlsCAFile}. */
        Path write(Path file) throws IOException {
            return writeCertificates(file, List.of(certificate));
        }
    }

    /** {@code "EC"} (P-256) or {@code "RSA"} (2048 bits). */
    static KeyPair newKeys(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(algorithm.equals("EC") ? 256 : 2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The node certificate as the two files a node is started with: {@code node.crt} and {@code node.key}. */
    static Path[] write(NodeCertificate node, Path directory) throws IOException {
        Files.createDirectories(directory);
        return new Path[]{writeCertificates(directory.resolve("node.crt"), node.chain()),
                writePrivateKey(directory.resolve("node.key"), node.key())};
    }

    static Path writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(pem("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return Files.writeString(file, pem);
    }

    /** As unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}), the form the emulator reads. */
    static Path writePrivateKey(Path file, PrivateKey key) throws IOException {
        return Files.writeString(file, pem("PRIVATE KEY", key.getEncoded()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static X509Certificate sign(PrivateKey issuerKey, X500Name issuer, X500Name subject, PublicKey publicKey,
                                        boolean authority, String... hosts) {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), subject, publicKey);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (authority) {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[]{KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(Arrays.stream(hosts)
                        .map(host -> new GeneralName(Character.isDigit(host.charAt(0)) ? GeneralName.iPAddress
                                : GeneralName.dNSName, host))
                        .toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
