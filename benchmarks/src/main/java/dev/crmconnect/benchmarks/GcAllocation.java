package dev.crmconnect.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Bytes allocated by the whole JVM, read from the heap: what each collection found in use, less
 * what the previous one left, plus what is in use now beyond what the last one left. Counts every
 * thread, short-lived ones included, which the per-thread counters miss.
 */
final class GcAllocation {

    private static final GcAllocation INSTANCE = new GcAllocation();

    private long beforeLastGc;
    private long afterLastGc;

    private GcAllocation() {
        afterLastGc = heapUsed();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(this::onGc, null, null);
            }
        }
    }

    /** Bytes allocated since the JVM began watching; compare two readings. */
    static long total() {
        return INSTANCE.read();
    }

    private synchronized long read() {
        return beforeLastGc + Math.max(0, heapUsed() - afterLastGc);
    }

    private synchronized void onGc(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long before = heapOf(info.getGcInfo().getMemoryUsageBeforeGc());
        long after = heapOf(info.getGcInfo().getMemoryUsageAfterGc());
        beforeLastGc += Math.max(0, before - afterLastGc);
        afterLastGc = after;
    }

    private static long heapOf(Map<String, MemoryUsage> byPool) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = byPool.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
