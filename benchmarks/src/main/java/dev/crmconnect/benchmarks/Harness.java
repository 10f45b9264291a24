package dev.crmconnect.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end benchmark harness:
 * {@code java -jar benchmarks/target/benchmarks.jar <scenario> [--records N] [...]}, each scenario
 * printing a table and, last, its headline figure; {@code jmh [JMH arguments]} runs the JMH
 * benchmarks through JMH's own command line. See {@code docs/PERFORMANCE.md}.
 */
public final class Harness {

    /** The scenarios, by name, in the order the usage text lists them. */
    static Map<String, Scenario> scenarios() {
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("sync", new SyncScenario());
        all.put("paging", new PagingScenario());
        all.put("poller", new PollerScenario());
        all.put("quota", new QuotaScenario());
        all.put("coldstart", new ColdStartScenario());
        all.put("tenants", new TenantsScenario());
        all.put("poller-tenants", new PollerTenantsScenario());
        all.put("reconcile", new ReconcileScenario());
        return all;
    }

    private Harness() {
    }

    /** Runs the scenario named by the first argument; exits 2 on a usage error, 1 on a failure. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals(ColdStartScenario.CHILD)) {
            ColdStartScenario.child(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int status = run(List.of(args), System.out, System.err);
        System.out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs one scenario as the command line says.
     *
     * @return 0 when it ran (or said it is not available), 2 on a usage error
     */
    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, Scenario> all = scenarios();
        if (args.isEmpty() || !all.containsKey(args.get(0))) {
            usage(all, err);
            return 2;
        }
        String name = args.get(0);
        Scenario scenario = all.get(name);
        Options options;
        try {
            options = Options.parse(args.subList(1, args.size()), scenario.options());
        } catch (IllegalArgumentException e) {
            err.println(name + ": " + e.getMessage());
            return 2;
        }
        String unavailable = scenario.unavailableBecause();
        if (unavailable != null) {
            out.println(name + ": not available: " + unavailable);
            return 0;
        }
        out.println("# " + name + ": " + scenario.description());
        out.println(Machine.describe());
        out.println();
        scenario.run(options, out);
        return 0;
    }

    private static void usage(Map<String, Scenario> all, PrintStream err) {
        err.println("usage: java -jar benchmarks.jar <scenario> [options]");
        err.println("       java -jar benchmarks.jar jmh [JMH options, -h for help]");
        for (Map.Entry<String, Scenario> entry : all.entrySet()) {
            Scenario s = entry.getValue();
            String options = s.options().isEmpty() ? "" : " [--" + String.join(" N] [--", s.options().stream().sorted()
                    .toList()) + " N]";
            err.println("  " + entry.getKey() + options + ": " + s.description()
                    + (s.unavailableBecause() == null ? "" : " (not available: " + s.unavailableBecause() + ")"));
        }
    }
}
