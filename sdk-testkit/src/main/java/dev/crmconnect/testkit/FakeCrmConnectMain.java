package dev.crmconnect.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the fake as a standalone server until the process is stopped:
 * {@code java -jar sdk-testkit-<version>-standalone.jar --port 8089}. See {@link #USAGE}.
 */
public final class FakeCrmConnectMain {

    /** The command line options. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar sdk-testkit-<version>-standalone.jar [options]",
            "  --port <n>                      port to listen on (default 8089; 0 picks a free one)",
            "  --bind-address <address>        address to listen on (default 127.0.0.1; 0.0.0.0 for all)",
            "  --tenant <id>,<secret>,<urn>[,<callbackUrl>]",
            "                                  a tenant present from the start (repeatable)",
            "  --seed <n>                      seed of ids and publication lags (default 1)",
            "  --publication-lag-seconds <n>   longest delay before a notice is visible (default 0)",
            "  --help                          this text",
            "The admin API is served under /__admin/crm/ (see the README).");

    private FakeCrmConnectMain() {
    }

    /**
     * Starts the fake and waits until the process ends.
     *
     * @param args the options of {@link #USAGE}
     * @throws InterruptedException if the main thread is interrupted while waiting
     */
    public static void main(String[] args) throws InterruptedException {
        FakeCrmConnect.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (builder == null) {
            System.out.println(USAGE);
            return;
        }
        FakeCrmConnect fake = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "crm-fake-shutdown"));
        System.out.println("CRM Connect fake listening: " + fake.baseUrl() + " (token " + fake.tokenUrl()
                + ", admin " + fake.adminUrl() + ")");
        System.out.flush();
        stopped.await();
    }

    /** The builder the arguments describe, or null for {@code --help}. */
    static FakeCrmConnect.Builder parse(String[] args) {
        FakeCrmConnect.Builder builder = FakeCrmConnect.builder().port(8089);
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + ": needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--port" -> builder.port(integer(option, value));
                case "--bind-address" -> builder.bindAddress(value);
                case "--tenant" -> builder.tenant(tenant(value));
                case "--seed" -> builder.seed(integer(option, value));
                case "--publication-lag-seconds" -> builder.publicationLag(Duration.ofSeconds(integer(option, value)));
                default -> throw new IllegalArgumentException(option + ": unknown option");
            }
        }
        return builder;
    }

    private static FakeTenant tenant(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("--tenant: must be <clientId>,<clientSecret>,<integrationContext>[,<callbackUrl>]");
        }
        return new FakeTenant(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : null);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": must be an integer");
        }
    }
}
