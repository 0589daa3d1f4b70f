package com.paystream.emulator.grpc;

/**
 * How large a multi-stream append may be: {@code maxRecordSize} for one record (its data plus its properties as
 * stored), {@code maxAppendSize} for all records of a session together. Both default to 16 MiB, the largest message
 * the emulator takes.
 */
public record AppendLimits(int maxRecordSize, int maxAppendSize) {
    public static final AppendLimits DEFAULT = new AppendLimits(16 * 1024 * 1024, 16 * 1024 * 1024);

    public AppendLimits {
        if (maxRecordSize <= 0 || maxAppendSize <= 0) {
            throw new IllegalArgumentException("Append limits must be positive");
        }
    }
}
