package dev.crmconnect.samples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The command line of a sample: {@code --name value} or {@code --name=value} for flags with a
 * value, {@code --name} alone for switches. Environment variables are read here too, so tests can
 * pass their own.
 */
final class SampleArgs {

    private final Map<String, String> values;
    private final Set<String> switches;
    private final Function<String, String> environment;

    private SampleArgs(Map<String, String> values, Set<String> switches, Function<String, String> environment) {
        this.values = values;
        this.switches = switches;
        this.environment = environment;
    }

    /**
     * Reads the command line of a program's {@code main}: an error is printed with the usage and
     * exits with status 2; {@code --help} prints the usage.
     *
     * @return the arguments, or null after {@code --help}
     */
    static SampleArgs fromMain(String[] args, Set<String> valueFlags, Set<String> switchFlags, String usage) {
        try {
            SampleArgs parsed = parse(args, valueFlags, switchFlags, System::getenv);
            if (parsed.has("help")) {
                System.out.println(usage);
                return null;
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return null;
        }
    }

    /**
     * Runs a program's work: a setting found invalid while it runs is printed and exits with status 2.
     *
     * @return what {@code work} returned
     */
    static <T> T exitOnInvalidSetting(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return null;
        }
    }

    /**
     * Reads {@code args}; an unknown flag, or a value flag without its value, is an error naming it.
     *
     * @param valueFlags  the flags that take a value, without their leading dashes
     * @param switchFlags the flags that take none
     * @param environment how to read an environment variable ({@code System::getenv} outside tests)
     */
    static SampleArgs parse(String[] args, Set<String> valueFlags, Set<String> switchFlags,
                            Function<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        Set<String> switches = new TreeSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("argument " + (i + 1) + ": expected a --flag, got a bare value");
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (switchFlags.contains(name) && value == null) {
                switches.add(name);
            } else if (valueFlags.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + name + ": needs a value");
                    }
                    value = args[++i];
                }
                values.put(name, value);
            } else {
                Set<String> known = new TreeSet<>(valueFlags);
                known.addAll(switchFlags);
                throw new IllegalArgumentException("--" + name + ": unknown flag; known flags: --"
                        + String.join(", --", known));
            }
        }
        return new SampleArgs(values, switches, environment);
    }

    /** The flag's value, else the environment variable's, else null. */
    String flagOrEnv(String flag, String environmentVariable) {
        String value = values.get(flag);
        if (value == null && environmentVariable != null) {
            value = environment.apply(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The flag's value, else {@code fallback}. */
    String flag(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    /** The flag's value as a whole number of at least {@code min}, else {@code fallback}. */
    int intFlag(String flag, int fallback, int min) {
        String value = values.get(flag);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + ": must be a whole number");
        }
        if (parsed < min) {
            throw new IllegalArgumentException("--" + flag + ": must be at least " + min);
        }
        return parsed;
    }

    /** Whether the switch was given. */
    boolean has(String switchFlag) {
        return switches.contains(switchFlag);
    }

    /**
     * The directory a sample keeps its files in: {@code --work-dir}, else {@code samples/work} when
     * run from the repository's root (as the Maven commands are), else {@code work}.
     */
    Path workDir(String sample) {
        String given = values.get("work-dir");
        Path base;
        if (given != null) {
            base = Path.of(given);
        } else if (Files.isRegularFile(Path.of("samples", "pom.xml"))) {
            base = Path.of("samples", "work");
        } else {
            base = Path.of("work");
        }
        return base.resolve(sample).toAbsolutePath().normalize();
    }
}
