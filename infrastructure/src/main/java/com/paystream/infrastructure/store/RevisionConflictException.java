package com.paystream.infrastructure.store;

/**
 * An append found the stream at another revision than expected: someone else wrote first. The caller reloads and
 * decides again (a reaction does so by being retried), or reports it: 412 when the client sent {@code If-Match},
 * otherwise 409.
 */
public class RevisionConflictException extends RuntimeException {
    private final String stream;
    private final long expectedRevision;
    private final long actualRevision;

    /**
     * @param expectedRevision what the append expected, as the client's raw long (-1 no stream, -2 any, -4 exists)
     * @param actualRevision   the stream's revision (-1 no stream)
     */
    public RevisionConflictException(String stream, long expectedRevision, long actualRevision, Throwable cause) {
        super("Stream " + stream + " is at revision " + actualRevision + ", expected " + expectedRevision, cause);
        this.stream = stream;
        this.expectedRevision = expectedRevision;
        this.actualRevision = actualRevision;
    }

    public String stream() {
        return stream;
    }

    public long expectedRevision() {
        return expectedRevision;
    }

    public long actualRevision() {
        return actualRevision;
    }
}
