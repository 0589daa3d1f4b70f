package com.paystream.scheme.modulus;

/**
 * Which table the check uses, as reported at start and on {@code /q/info}: where it was read from, its edition (the
 * bundled tables' Vocalink edition, or a configured file's last-modified time), how many rows it holds and the
 * SHA-256 of its bytes.
 */
public record TableOrigin(String location, String edition, int rows, String sha256) {
}
