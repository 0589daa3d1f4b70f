package com.paystream.emulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificate a node serves TLS with: its own certificate first, then any intermediates, and the private key
 * that belongs to it. Read from the PEM files the real server takes as {@code CertificateFile} and
 * {@code CertificatePrivateKeyFile}; the key must be an unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}).
 * Mismatched or unreadable material is refused here, with a message that says what is wrong, rather than at the
 * first handshake.
 */
public record NodeCertificate(List<X509Certificate> chain, PrivateKey key) {
    private static final Pattern PKCS8_PEM =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    /** Refuses an empty chain and a key that does not belong to the chain's first certificate. */
    public NodeCertificate {
        chain = List.copyOf(chain);
        Objects.requireNonNull(key, "key");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain is empty");
        }
        if (!belongsTo(key, chain.get(0))) {
            throw new IllegalArgumentException("the private key does not belong to the certificate "
                    + chain.get(0).getSubjectX500Principal().getName());
        }
    }

    /** Reads a PEM certificate (chain) and its PEM PKCS#8 private key. */
    public static NodeCertificate fromPemFiles(Path certificateFile, Path privateKeyFile) {
        List<X509Certificate> chain = readCertificates(certificateFile);
        return new NodeCertificate(chain, readPrivateKey(privateKeyFile, chain.get(0).getPublicKey().getAlgorithm()));
    }

    /** The node's own certificate, the first of the chain. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the certificate file " + file + " holds no certificate");
            }
            return chain;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the certificate file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("the certificate file " + file + " holds no valid PEM certificate: "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path file, String algorithm) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the private key file " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        Matcher matcher = PKCS8_PEM.matcher(pem);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the private key file " + file + " holds no unencrypted PKCS#8 key"
                    + " (-----BEGIN PRIVATE KEY-----); convert one with"
                    + " openssl pkcs8 -topk8 -nocrypt -in KEY_FILE -out NEW_KEY_FILE");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the private key file " + file + " holds no valid " + algorithm
                    + " key for the certificate: " + e.getMessage(), e);
        }
    }

    /** Whether a signature made with {@code key} verifies with the certificate's public key. */
    private static boolean belongsTo(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm(); // EdDSA, Ed25519, Ed448 name their own signature
        };
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
