package com.paystream.scheme.files;

/**
 * What the gateway recorded of a Standard 18 file the scheme delivered: the private events of its
 * {@code bacsfile-{serial}-{yyyymmdd}} stream ({@link BacsFiles}).
 */
public sealed interface BacsFileEvent permits BacsFileAccepted, BacsFileIngested {
    String serialNumber();
}
