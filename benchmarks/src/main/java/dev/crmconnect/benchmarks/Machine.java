package dev.crmconnect.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** One line describing the machine and JVM a figure was measured on. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "machine: %d CPUs, %.1f GiB RAM, %s %s; JVM: %s %s, max heap %d MiB, GC %s",
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(gc -> gc.getName()).toList()));
    }
}
