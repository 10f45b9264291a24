package dev.crmconnect.benchmarks;

import dev.crmconnect.benchmarks.raw.RawSync;
import dev.crmconnect.benchmarks.sink.NoticeFeedModel;
import dev.crmconnect.benchmarks.sink.SinkProcess;
import dev.crmconnect.sdk.CrmConnectClient;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Building a client and making its first call, in a fresh JVM per sample (default 5): JVM start
 * to {@code main}, {@code build()}, and the first {@code contacts().upsert} of one contact (token
 * request included), against the sink. The hand-written {@link RawSync} does the same in the
 * samples that alternate with the SDK's: {@code HttpClient} built, then token and one PUT.
 */
final class ColdStartScenario implements Scenario {

    /** The harness argument that runs one sample in a child JVM. */
    static final String CHILD = "coldstart-child";
    private static final int DEFAULT_SAMPLES = 5;
    private static final String PREFIX = "coldstart ";

    @Override
    public Set<String> options() {
        return Set.of("samples");
    }

    @Override
    public String description() {
        return "build a client and make the first call, fresh JVM per sample (default 5 samples)";
    }

    @Override
    public String unavailableBecause() {
        return SdkCalls.unavailableBecause();
    }

    @Override
    public void run(Options options, PrintStream out) throws Exception {
        int samples = options.getInt("samples", DEFAULT_SAMPLES);
        Table table = new Table("side", "sample", "JVM start to main ms", "build ms", "first call ms",
                "build + first call ms", "process wall ms");
        double[][][] columns = new double[2][5][samples];
        String[] sides = {"sdk", "raw"};
        try (SinkProcess sink = SinkProcess.start(new NoticeFeedModel(0, 0, 1))) {
            for (int s = 0; s < samples; s++) {
                for (int side = 0; side < sides.length; side++) {
                    double[] sample = sample(sink, sides[side]);
                    for (int c = 0; c < sample.length; c++) {
                        columns[side][c][s] = sample[c];
                    }
                    table.row(sides[side], s + 1, Table.fixed(sample[0], 0), Table.fixed(sample[1], 0),
                            Table.fixed(sample[2], 0), Table.fixed(sample[3], 0), Table.fixed(sample[4], 0));
                }
            }
        }
        for (int side = 0; side < sides.length; side++) {
            double[][] c = columns[side];
            table.row(sides[side], "median", Table.fixed(median(c[0]), 0), Table.fixed(median(c[1]), 0),
                    Table.fixed(median(c[2]), 0), Table.fixed(median(c[3]), 0), Table.fixed(median(c[4]), 0));
        }
        out.println("Each sample: a new JVM (default flags) runs the harness's " + CHILD + ". sdk: build() a client"
                + " for the sink, then upsert one contact (token request included). raw: build an HttpClient, then"
                + " fetch the token and send one PUT. The process wall time includes JVM start and exit.");
        table.print(out);
        out.println("coldstart build + first call = " + Table.fixed(median(columns[0][3]), 0) + " ms (median of "
                + samples + "; hand-written: " + Table.fixed(median(columns[1][3]), 0) + " ms)");
    }

    /** {JVM start to main, build, first call, build + first call, process wall}, in ms. */
    private static double[] sample(SinkProcess sink, String side) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long started = System.nanoTime();
        // The sample does not watch this process (ExitWithParent): its figures would include the watch. Should this
        // process die, the sample still ends soon: the sink dies with it, and the sample's one call then fails.
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Harness.class.getName(), CHILD, side, sink.baseUrl(), sink.tokenUrl()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("the cold-start sample failed: " + output);
        }
        double wall = (System.nanoTime() - started) / 1e6;
        String line = output.lines().filter(l -> l.startsWith(PREFIX)).findFirst()
                .orElseThrow(() -> new IOException("the cold-start sample printed no figures: " + output));
        double[] figures = Arrays.stream(line.substring(PREFIX.length()).trim().split(" "))
                .mapToDouble(Double::parseDouble).toArray();
        return new double[] {figures[0], figures[1], figures[2], figures[1] + figures[2], wall};
    }

    /**
     * One sample, in the child JVM: {@code <sdk|raw> <baseUrl> <tokenUrl>}; prints
     * {@code coldstart <to main> <build> <first call>} in ms.
     */
    static void child(String[] args) throws Exception {
        long mainAt = System.nanoTime();
        long built;
        long called;
        int stored;
        if (args[0].equals("raw")) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            RawSync raw = new RawSync(http, args[1], SyncScenario.ORGANIZATION);
            built = System.nanoTime();
            raw.authenticate(args[2], SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET);
            stored = raw.upsert(0, 1);
            called = System.nanoTime();
        } else {
            CrmConnectClient client = CrmConnectClient.builder()
                    .baseUrl(args[1])
                    .tokenUrl(args[2])
                    .credentials(SyncScenario.CLIENT_ID, SyncScenario.CLIENT_SECRET)
                    .integrationContext(SyncScenario.ORGANIZATION)
                    .build();
            built = System.nanoTime();
            stored = SdkCalls.upsert(client, List.of(ContactSource.contact(0)));
            called = System.nanoTime();
            client.close();
        }
        if (stored != 1) {
            throw new IllegalStateException("the sink stored " + stored + " of 1 record");
        }
        long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        double toMain = uptimeMillis - (System.nanoTime() - mainAt) / 1e6;
        System.out.println(PREFIX + String.format(Locale.ROOT, "%.1f %.1f %.1f", toMain, (built - mainAt) / 1e6,
                (called - built) / 1e6));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
