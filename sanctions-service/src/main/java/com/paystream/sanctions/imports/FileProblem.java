package com.paystream.sanctions.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One problem of a refused file: where it is and why. */
@Schema(description = "One problem of a refused list file")
public record FileProblem(
        @Schema(description = "Line of the file where the entry (or the problem) starts; 0 for the file as a whole")
        long line,
        @Schema(description = "The entry's id in the file (OFAC uid, UK UniqueID), when known") String entry,
        @Schema(description = "What is wrong", examples = "uid 36 appears twice (first at line 12)") String reason) {
}
