package com.paystream.seeder;

import java.io.PrintStream;

/** Counts what a run changed, found in place, or could not do, and says each as it happens. */
final class SeedReport {
    private final PrintStream out;
    private final PrintStream err;
    private int changes;
    private int unchanged;
    private int failures;

    SeedReport(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    void changed(String what) {
        changes++;
        out.println(what);
    }

    void unchanged(String what) {
        unchanged++;
        out.println("unchanged " + what);
    }

    void failed(String what) {
        failures++;
        err.println(what);
    }

    int changes() {
        return changes;
    }

    int failures() {
        return failures;
    }

    String summary() {
        return "seeded: " + changes + " changes, " + unchanged + " already in place"
                + (failures > 0 ? ", " + failures + " failed" : "");
    }
}
