package com.paystream.scheme.modulus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/** The text of one of Vocalink's table files, bundled with the service or named in configuration. */
final class TableFile {
    private static final String BUNDLED = "/modulus/";

    private final String location;
    private final String edition;
    private final byte[] bytes;

    TableFile(String location, String edition, byte[] bytes) {
        this.location = location;
        this.edition = edition;
        this.bytes = bytes.clone();
    }

    /** A bundled table, e.g. {@code valacdos.txt}, with the edition {@code tables.properties} gives it. */
    static TableFile bundled(String name) {
        try (InputStream table = TableFile.class.getResourceAsStream(BUNDLED + name);
             InputStream editions = TableFile.class.getResourceAsStream(BUNDLED + "tables.properties")) {
            if (table == null || editions == null) {
                throw new IllegalStateException("The bundled modulus table " + name + " or its edition is missing");
            }
            Properties known = new Properties();
            known.load(editions);
            return new TableFile("bundled " + name, known.getProperty(name, "unknown"), table.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table file named in configuration: its edition is when the file was last modified. */
    static TableFile at(Path file) {
        try {
            return new TableFile(file.toString(), "file last modified " + Files.getLastModifiedTime(file),
                    Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the modulus table " + file, e);
        }
    }

    /** The file's lines, in order (line {@code n} at index {@code n - 1}). */
    List<String> lines() {
        return new String(bytes, StandardCharsets.US_ASCII).lines().toList();
    }

    /** A line that cannot be read: the message names the file, the line and why. */
    IllegalArgumentException badLine(int number, String why) {
        return new IllegalArgumentException("Modulus table " + location + " line " + number + ": " + why);
    }

    TableOrigin origin(int rows) {
        try {
            return new TableOrigin(location, edition, rows,
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
