package dev.crmconnect.sdk;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a batch call, one {@link RecordResult} per record given, in the order given. One
 * bad record never fails the others.
 *
 * @param results one result per record, in input order
 */
public record BatchResult(List<RecordResult> results) {

    /**
     * Copies the results.
     *
     * @param results one result per record, in input order
     * @throws NullPointerException if {@code results} is null or holds a null element
     */
    public BatchResult {
        results = List.copyOf(Objects.requireNonNull(results, "results must not be null"));
    }

    /**
     * The records that reached their outcome (stored, deleted, or skipped as private).
     *
     * @return the successful results, in input order
     */
    public List<RecordResult> succeeded() {
        return results.stream().filter(RecordResult::succeeded).toList();
    }

    /**
     * The records that failed, each with its reason.
     *
     * @return the failed results, in input order; empty when none failed
     */
    public List<RecordResult> failed() {
        return results.stream().filter(r -> !r.succeeded()).toList();
    }

    /**
     * Whether no record failed.
     *
     * @return true when every result succeeded, including when there are none
     */
    public boolean allSucceeded() {
        return results.stream().allMatch(RecordResult::succeeded);
    }

    /**
     * How many records had {@code outcome}.
     *
     * @param outcome the outcome to count
     * @return the number of results with that outcome
     */
    public long count(RecordResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The counts per outcome; no record values. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("BatchResult[");
        for (RecordResult.Outcome outcome : RecordResult.Outcome.values()) {
            long n = count(outcome);
            if (n > 0) {
                out.append(out.length() > 12 ? ", " : "").append(outcome).append('=').append(n);
            }
        }
        return out.append(']').toString();
    }
}
