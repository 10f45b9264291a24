package dev.crmconnect.benchmarks.jmh;

import dev.crmconnect.benchmarks.ContactSource;
import dev.crmconnect.benchmarks.raw.RawContact;
import dev.crmconnect.model.Contact;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the 100 contacts of a batch from their field values: the SDK's validated records
 * (builders, checks, immutable copies) against plain records. Part of what a sync costs before
 * any JSON is written.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ContactBuildBenchmark {

    /** 100 SDK contacts, validated on build. */
    @Benchmark
    public List<Contact> sdk() {
        return ContactSource.contacts(0, BatchJsonBenchmark.BATCH);
    }

    /** 100 plain records. */
    @Benchmark
    public List<RawContact> plain() {
        return ContactSource.raws(0, BatchJsonBenchmark.BATCH);
    }
}
