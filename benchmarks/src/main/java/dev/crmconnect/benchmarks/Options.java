package dev.crmconnect.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} options of a scenario, each a positive whole number. */
public final class Options {

    private final Map<String, Long> values;

    private Options(Map<String, Long> values) {
        this.values = values;
    }

    /**
     * Reads {@code args}, accepting only the names in {@code allowed}.
     *
     * @throws IllegalArgumentException naming the option that is unknown, lacks a value or is not
     *     a positive whole number
     */
    public static Options parse(List<String> args, Set<String> allowed) {
        Map<String, Long> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                String known = allowed.isEmpty() ? "none"
                        : "--" + String.join(", --", allowed.stream().sorted().toList());
                throw new IllegalArgumentException("unknown option " + name + "; this scenario takes " + known);
            }
            if (i + 1 == args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String text = args.get(++i).replace("_", "").replace(",", "");
            long value;
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a positive whole number, was " + args.get(i));
            }
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be a positive whole number, was " + args.get(i));
            }
            values.put(name.substring(2), value);
        }
        return new Options(values);
    }

    /** The value of {@code --name}, or {@code fallback} when not given. */
    public long get(String name, long fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** The value of {@code --name} as an int, or {@code fallback}; at most {@link Integer#MAX_VALUE}. */
    public int getInt(String name, int fallback) {
        long value = get(name, fallback);
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--" + name + " must be at most " + Integer.MAX_VALUE);
        }
        return (int) value;
    }
}
