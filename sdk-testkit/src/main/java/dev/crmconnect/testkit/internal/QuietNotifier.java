package dev.crmconnect.testkit.internal;

import com.github.tomakehurst.wiremock.common.Notifier;

/** Keeps WireMock quiet: no per-request logging; errors only, without request contents. */
final class QuietNotifier implements Notifier {

    @Override
    public void info(String message) {
        // WireMock's info messages describe requests; the fake has its own journal.
    }

    @Override
    public void error(String message) {
        System.err.println("crm fake: " + firstLine(message));
    }

    @Override
    public void error(String message, Throwable t) {
        System.err.println("crm fake: " + firstLine(message) + " (" + t.getClass().getSimpleName() + ")");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
