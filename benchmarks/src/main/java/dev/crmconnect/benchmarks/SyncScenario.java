package dev.crmconnect.benchmarks;

import java.io.PrintStream;
import java.util.Set;

/** Placeholder until the typed resources are in the build. */
final class SyncScenario implements Scenario {

    @Override
    public Set<String> options() {
        return Set.of("records");
    }

    @Override
    public String description() {
        return "sync";
    }

    @Override
    public String unavailableBecause() {
        return "the typed resources are not in this build";
    }

    @Override
    public void run(Options options, PrintStream out) {
        throw new UnsupportedOperationException();
    }
}
