package dev.crmconnect.sdk.internal.http;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Collects a response body into memory, refusing one above the cap (by its declared length at
 * once, else as soon as the bytes pass it), and can be aborted at any time, which cancels the
 * subscription so that a slow, dribbling body stops consuming the connection.
 */
final class CappedBodySubscriber implements BodySubscriber<byte[]> {

    private final long cap;
    private final long declaredLength;
    private final int status;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private long received;

    /** @param declaredLength the Content-Length, or -1 when unknown */
    CappedBodySubscriber(long cap, long declaredLength, int status) {
        this.cap = cap;
        this.declaredLength = declaredLength;
        this.status = status;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s) || body.isDone()) {
            s.cancel();
            return;
        }
        if (declaredLength > cap) {
            abort(new ExchangeFailure.TooLarge(cap, status));
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        synchronized (buffer) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                received += item.remaining();
                if (received > cap) {
                    abort(new ExchangeFailure.TooLarge(cap, status));
                    return;
                }
                byte[] bytes = new byte[item.remaining()];
                item.get(bytes);
                buffer.write(bytes, 0, bytes.length);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        synchronized (buffer) {
            body.complete(buffer.toByteArray());
        }
    }

    /** Fails the body with {@code failure} and stops reading, unless it already completed. */
    void abort(Throwable failure) {
        if (body.completeExceptionally(failure)) {
            Flow.Subscription s = subscription.get();
            if (s != null) {
                s.cancel();
            }
        }
    }
}
