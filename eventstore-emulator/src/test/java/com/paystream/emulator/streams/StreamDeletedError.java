package com.paystream.emulator.streams;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads of a tombstoned stream: the server answers {@code FAILED_PRECONDITION} with {@code exception=stream-deleted},
 * but client 5.4.5 maps those trailers to {@code StreamDeletedException} only for appends and deletes; a read
 * surfaces the raw status.
 */
final class StreamDeletedError {
    private StreamDeletedError() {
    }

    static void assertStreamDeleted(Throwable error) {
        assertThat(error).isInstanceOf(StatusRuntimeException.class);
        StatusRuntimeException status = (StatusRuntimeException) error;
        assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(status.getTrailers().get(Metadata.Key.of("exception", Metadata.ASCII_STRING_MARSHALLER)))
                .isEqualTo("stream-deleted");
    }
}
