package dev.crmconnect.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the heap while a scenario runs: the heap used after each collection (the live set, the
 * figure that shows whether memory grows with the work done) and the peak used.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong lastAfterGc = new AtomicLong(-1);
    private final AtomicLong maxAfterGc = new AtomicLong(-1);
    private final AtomicLong intervalMaxAfterGc = new AtomicLong(-1);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;

    HeapWatch() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    private void onNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && after != null) {
                used += after.getUsed();
            }
        }
        lastAfterGc.set(used);
        maxAfterGc.accumulateAndGet(used, Math::max);
        intervalMaxAfterGc.accumulateAndGet(used, Math::max);
    }

    /** The heap used after the latest collection, in bytes; -1 before the first. */
    long lastAfterGc() {
        return lastAfterGc.get();
    }

    /** The most heap used after any collection so far, in bytes; -1 before the first. */
    long maxAfterGc() {
        return maxAfterGc.get();
    }

    /** The most heap used after a collection since the previous call, in bytes; -1 if none ran. */
    long takeIntervalMaxAfterGc() {
        return intervalMaxAfterGc.getAndSet(-1);
    }

    /** The sum of the heap pools' peak use since the watch began, in bytes (an upper bound of the peak). */
    static long peakUsed() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // Already gone.
            }
        }
    }
}
