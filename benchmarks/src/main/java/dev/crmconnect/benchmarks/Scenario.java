package dev.crmconnect.benchmarks;

import java.io.PrintStream;
import java.util.Set;

/** One scenario of the harness: runs, prints its table, and prints its headline figure last. */
public interface Scenario {

    /** The names of the {@code --name value} options it takes. */
    Set<String> options();

    /** One line on what it measures, for the usage text. */
    String description();

    /**
     * Why it cannot run in this build, or null when it can. A scenario that cannot run prints
     * "not available" rather than a figure.
     */
    default String unavailableBecause() {
        return null;
    }

    /** Runs with {@code options}, printing to {@code out}. */
    void run(Options options, PrintStream out) throws Exception;
}
