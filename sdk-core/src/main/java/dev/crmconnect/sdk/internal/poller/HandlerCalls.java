package dev.crmconnect.sdk.internal.poller;

import dev.crmconnect.model.DeletionNotice;
import dev.crmconnect.sdk.poller.Decision;
import java.time.Duration;

/** Calls the handler for one notice, retrying with doubling pauses, and reports each failure. */
final class HandlerCalls {

    /** How the calls for one notice ended. */
    sealed interface Result permits Decided, Failed, Abandoned {
        /** Calls that threw. */
        int failures();
    }

    /** The handler decided, after {@code failures} failed calls. */
    record Decided(Decision decision, int failures) implements Result {
    }

    /** Every call threw; {@code lastError} is the last call's. */
    record Failed(int failures, Throwable lastError) implements Result {
    }

    /** A stop came before the next call: the notice is neither decided nor parked. */
    record Abandoned(int failures) implements Result {
    }

    private final PollerSettings settings;
    private final StopSignal stop;

    HandlerCalls(PollerSettings settings, StopSignal stop) {
        this.settings = settings;
        this.stop = stop;
    }

    /**
     * Calls the handler up to {@code calls} times while it throws; {@code failedBefore} counts the
     * notice's failures on earlier polls, for the attempt numbers reported. The first call is made
     * whatever the stop signal says: the caller checked it.
     */
    Result call(String tenant, DeletionNotice notice, int failedBefore, int calls) {
        Throwable lastError = null;
        for (int call = 1; call <= calls; call++) {
            if (call > 1 && !stop.pause(backoff(call - 1))) {
                return new Abandoned(call - 1);
            }
            try {
                Decision decision = settings.handler().handle(notice);
                if (decision == null) {
                    throw new IllegalStateException("the handler returned no decision");
                }
                return new Decided(decision, call - 1);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable error) {
                if (error instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                lastError = error;
                settings.listener().handlerFailed(tenant, notice.noticeId(), failedBefore + call, error);
            }
        }
        return new Failed(calls, lastError);
    }

    /** The pause after the {@code failures}-th failed call: the initial pause, doubled each time, capped. */
    Duration backoff(int failures) {
        Duration pause = settings.backoffInitial();
        for (int i = 1; i < failures && pause.compareTo(settings.backoffMax()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : pause;
    }
}
