package com.paystream.seeder;

import io.kurrent.dbclient.Acls;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.StreamAcl;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Read access to one system stream for the logins that read it (and nothing else: writes, deletes and metadata
 * writes fall back to the system streams' default, {@code $admins}). The stream's other metadata is kept, its
 * truncation ({@code $tb}) above all: a parked stream truncated after a replay must not show its replayed messages
 * again.
 */
final class ReadGrant {
    static final long TIMEOUT_SECONDS = 10;

    private ReadGrant() {
    }

    /** Gives the logins read access to the stream when it lacks it; {@code true} when it had to be written. */
    static boolean ensure(KurrentDBClient client, String stream, List<String> logins)
            throws ExecutionException, TimeoutException, InterruptedException {
        String[] roles = logins.toArray(String[]::new);
        StreamAcl wanted = Acls.newStreamAcl().addReadRoles(roles).addMetaReadRoles(roles);
        StreamMetadata metadata = metadataOf(client, stream);
        if (wanted.equals(metadata.getAcl())) {
            return false;
        }
        metadata.setAcl(wanted);
        await(client.setStreamMetadata(stream, metadata));
        return true;
    }

    private static StreamMetadata metadataOf(KurrentDBClient client, String stream)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return await(client.getStreamMetadata(stream));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StreamNotFoundException) {
                return new StreamMetadata();
            }
            throw e;
        }
    }

    static <T> T await(CompletableFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
