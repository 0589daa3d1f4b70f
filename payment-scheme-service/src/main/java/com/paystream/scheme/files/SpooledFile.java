package com.paystream.scheme.files;

import com.paystream.scheme.bacsfile.Standard18Ingest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file copied to a temporary file as it arrives (never held in memory), with the SHA-256 of its bytes; it
 * can be read as often as needed and is deleted on {@link #close()}. Bytes are read as ISO-8859-1, one character
 * each, so a byte outside the Bacs character set is reported where it is rather than failing the decoding.
 */
final class SpooledFile implements Standard18Ingest.Source, AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private final Path path;
    private final String sha256;

    private SpooledFile(Path path, String sha256) {
        this.path = path;
        this.sha256 = sha256;
    }

    static SpooledFile copyOf(InputStream body) throws IOException {
        Path path = Files.createTempFile("bacsfile-", ".s18");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(body, digest)) {
                Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return new SpooledFile(path, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(path);
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    String sha256() {
        return sha256;
    }

    @Override
    public Reader open() throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(path), StandardCharsets.ISO_8859_1),
                BUFFER);
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
