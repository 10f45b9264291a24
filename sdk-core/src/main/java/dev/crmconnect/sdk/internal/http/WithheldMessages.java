package dev.crmconnect.sdk.internal.http;

import java.io.EOFException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Copies a failure of the transport with every message in it replaced by a reason of our own.
 * The JDK's HTTP client quotes what the server sent in some of its messages (a server answering
 * {@code <html>...} without a status line gives {@code Invalid status line: "<html>..."}), and a
 * log of the exception with its stack trace would print them. The copy keeps, down the whole
 * cause chain and into the suppressed exceptions, each exception's type where it can be made
 * again (a public JDK class with a public {@code (String)} constructor, such as
 * {@code ProtocolException}), else a {@link Withheld} naming the type; and each one's stack trace.
 */
final class WithheldMessages {

    /** How many causes and suppressed exceptions are copied, at most; deeper ones are dropped. */
    private static final int MAX_THROWABLES = 32;
    static final String WITHHELD = " (its own message is withheld: it may quote what the server sent)";

    private WithheldMessages() {
    }

    /**
     * The copy of {@code failure}; null for null.
     *
     * @param failure what the transport threw
     * @return a throwable of the same type where possible, with our reason as its message
     */
    static Throwable copyOf(Throwable failure) {
        return copy(failure, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable original, Map<Throwable, Throwable> done) {
        if (original == null) {
            return null;
        }
        Throwable earlier = done.get(original);
        if (earlier != null || done.size() >= MAX_THROWABLES) {
            return earlier;
        }
        Throwable copy = sameType(original, reason(original) + WITHHELD);
        if (copy == null) {
            copy = new Withheld(original.getClass().getName() + ": " + reason(original) + WITHHELD);
        }
        done.put(original, copy);
        copy.setStackTrace(original.getStackTrace());
        Throwable cause = copy(original.getCause(), done);
        if (cause != null && cause != copy) {
            try {
                copy.initCause(cause);
            } catch (IllegalStateException | IllegalArgumentException alreadySet) {
                // The constructor set the cause (to null): the chain ends here.
            }
        }
        for (Throwable suppressed : original.getSuppressed()) {
            Throwable s = copy(suppressed, done);
            if (s != null && s != copy) {
                copy.addSuppressed(s);
            }
        }
        return copy;
    }

    /** What failed, in our words; never anything the failure's message says. */
    static String reason(Throwable t) {
        if (t instanceof HttpConnectTimeoutException) {
            return "the connection could not be opened in time";
        }
        if (t instanceof HttpTimeoutException) {
            return "no response came in time";
        }
        if (t instanceof ConnectException || t instanceof UnresolvedAddressException) {
            return "the connection could not be opened";
        }
        if (t instanceof ProtocolException) {
            return "the response is not valid HTTP";
        }
        if (t instanceof EOFException) {
            return "the connection closed before the response was complete";
        }
        if (t instanceof SSLException) {
            return "the TLS exchange failed";
        }
        if (t instanceof java.io.IOException) {
            return "the exchange failed";
        }
        return "failed";
    }

    /** A new exception of the original's type, when it is a public JDK type with a public (String) constructor. */
    private static Throwable sameType(Throwable original, String message) {
        Class<?> type = original.getClass();
        String name = type.getName();
        if (!Modifier.isPublic(type.getModifiers()) || !(name.startsWith("java.") || name.startsWith("javax."))) {
            return null;
        }
        try {
            Constructor<?> constructor = type.getConstructor(String.class);
            return (Throwable) constructor.newInstance(message);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** Stands for a throwable whose type cannot be made again; its message names that type. */
    static final class Withheld extends Exception {
        private static final long serialVersionUID = 1L;

        Withheld(String message) {
            super(message);
        }
    }
}
