package dev.crmconnect.sdk.webhook;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A gate that handlers wait at until the test opens it; a bounded wait so a broken test cannot hang. */
final class Gate {

    private final CountDownLatch latch = new CountDownLatch(1);

    void open() {
        latch.countDown();
    }

    void await() throws InterruptedException {
        if (!latch.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("gate never opened");
        }
    }
}
