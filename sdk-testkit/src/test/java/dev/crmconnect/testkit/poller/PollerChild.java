package dev.crmconnect.testkit.poller;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.CrmConnectClient;
import dev.crmconnect.sdk.RetryPolicy;
import dev.crmconnect.sdk.Throttle;
import dev.crmconnect.sdk.poller.CheckpointStore;
import dev.crmconnect.sdk.poller.Decision;
import dev.crmconnect.sdk.poller.DeletionNoticePoller;
import dev.crmconnect.sdk.poller.PollSummary;
import dev.crmconnect.sdk.poller.RetentionReason;
import dev.crmconnect.testsupport.ExitWithParent;
import dev.crmconnect.testsupport.TestDataSource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Run in a child JVM by {@link PollerCrashTest}: a poller of one tenant of the fake, configured as
 * a standalone application would be (the fake's URLs and the tenant's credentials), polling in a
 * loop. The handler appends each notice id it decides to a side file (to count handler calls)
 * and prints {@code HANDLED}; the decisions themselves go to the checkpoint store, the audit trail.
 * A few handler calls throw, so some notices are parked and retried.
 *
 * <p>Arguments: {@code file <directory>} or {@code jdbc <url>}, then the base URL, token URL,
 * client id, client secret, integration context, side file, mode, seed and, optionally, a number
 * of tenants N: with N, tenant i (0 to N-1) has client id and secret {@code <id>-<i>} and
 * {@code <secret>-<i>} and the integration context's number plus i, all polled by one poller
 * at its default parallelism. Mode {@code crash}
 * polls until killed; mode {@code drain} polls until a poll reads the feed to its end and finds
 * nothing new and nothing parked, then prints {@code DRAINED} and exits.
 */
final class PollerChild {

    static final int PAGE_SIZE = 50;
    static final Duration LEASE_TTL = Duration.ofMillis(400);
    static final double HANDLER_FAILURE_RATE = 0.03;
    private static final int MAX_DRAIN_ROUNDS = 1_000;

    private PollerChild() {
    }

    /** Polls as the arguments say; see the class comment. */
    public static void main(String[] args) throws Exception {
        ExitWithParent.watchParent();
        String storeKind = args[0];
        String storeLocation = args[1];
        String baseUrl = args[2];
        String tokenUrl = args[3];
        String clientId = args[4];
        String clientSecret = args[5];
        String tenant = args[6];
        Path sideFile = Path.of(args[7]);
        boolean drain = args[8].equals("drain");
        Random random = new Random(Long.parseLong(args[9]));
        int tenantCount = args.length > 10 ? Integer.parseInt(args[10]) : 0;
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);

        TestDataSource dataSource = null;
        CheckpointStore store;
        if (storeKind.equals("jdbc")) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(storeLocation);
            dataSource = TestDataSource.oneConnection(postgres);
            store = CheckpointStore.jdbc(dataSource);
        } else {
            store = CheckpointStore.file(Path.of(storeLocation));
        }
        List<CrmConnectClient> clients = new ArrayList<>();
        List<String> tenants = new ArrayList<>();
        if (tenantCount == 0) {
            clients.add(client(baseUrl, tokenUrl, clientId, clientSecret, tenant));
            tenants.add(tenant);
        }
        String prefix = tenant.substring(0, tenant.lastIndexOf(':') + 1);
        long first = Long.parseLong(tenant.substring(prefix.length()));
        for (int i = 0; i < tenantCount; i++) {
            tenants.add(prefix + (first + i));
            clients.add(client(baseUrl, tokenUrl, clientId + "-" + i, clientSecret + "-" + i, prefix + (first + i)));
        }
        try (FileChannel handled = FileChannel.open(sideFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            DeletionNoticePoller poller = DeletionNoticePoller.builder()
                    .clients(clients)
                    .handler(notice -> handle(notice, random, handled, out))
                    .handlerId("crash-test-handler-1")
                    .checkpointStore(store)
                    .pageSize(PAGE_SIZE)
                    .handlerAttempts(2)
                    .handlerBackoff(Duration.ofMillis(1), Duration.ofMillis(5))
                    .leaseTtl(LEASE_TTL)
                    .build();
            out.println("READY");
            out.flush();
            for (int round = 1; !drain || round <= MAX_DRAIN_ROUNDS; round++) {
                List<PollSummary> summaries = poller.pollOnce();
                if (drain && drained(summaries, store, tenants)) {
                    out.println("DRAINED " + round);
                    out.flush();
                    break;
                }
                boolean held = summaries.stream()
                        .anyMatch(s -> s.outcome() == PollSummary.Outcome.SKIPPED_LEASE_HELD);
                Thread.sleep(held ? 50 : 5);
            }
            poller.close();
        } finally {
            clients.forEach(CrmConnectClient::close);
            store.close();
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }

    private static CrmConnectClient client(String baseUrl, String tokenUrl, String clientId, String clientSecret,
                                           String tenant) {
        return CrmConnectClient.builder()
                .baseUrl(baseUrl)
                .tokenUrl(tokenUrl)
                .credentials(clientId, clientSecret)
                .integrationContext(tenant)
                .retryPolicy(RetryPolicy.builder().initialBackoff(Duration.ofMillis(5))
                        .maxBackoff(Duration.ofMillis(50)).build())
                .throttle(Throttle.disabled())
                .build();
    }

    /** Every tenant read to its end with nothing new decided, nothing parked. */
    private static boolean drained(List<PollSummary> summaries, CheckpointStore store, List<String> tenants) {
        if (summaries.size() != tenants.size()) {
            return false;
        }
        for (PollSummary summary : summaries) {
            if (summary.outcome() != PollSummary.Outcome.COMPLETED || summary.decided() != 0 || summary.parked() != 0
                    || !store.parked(summary.tenant()).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** Decides by the notice id; fails now and then; records the call in the side file first. */
    private static Decision handle(DeletionNotice notice, Random random, FileChannel handled, PrintStream out)
            throws IOException {
        if (random.nextDouble() < HANDLER_FAILURE_RATE) {
            throw new IOException("the CRM did not answer");
        }
        handled.write(ByteBuffer.wrap((notice.noticeId() + "\n").getBytes(StandardCharsets.US_ASCII)));
        out.println("HANDLED");
        out.flush();
        return switch (Math.floorMod(notice.noticeId().hashCode(), 3)) {
            case 0 -> Decision.delete("contact, 2 notes and 1 application");
            case 1 -> Decision.retain(RetentionReason.LEGAL_OBLIGATION, "open invoice");
            default -> Decision.flagForReview("hired last month");
        };
    }
}
