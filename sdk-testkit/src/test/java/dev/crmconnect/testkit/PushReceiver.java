package dev.crmconnect.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A callback endpoint on the JDK's HttpServer that records pushes and answers scripted statuses. */
final class PushReceiver implements AutoCloseable {

    /** One received push: raw body and signature header. */
    record Push(byte[] body, String signature, String contentType) {
    }

    private final HttpServer server;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final Queue<Integer> statuses = new ArrayDeque<>();

    PushReceiver(Integer... scriptedStatuses) throws IOException {
        statuses.addAll(List.of(scriptedStatuses));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                pushes.add(new Push(in.readAllBytes(), exchange.getRequestHeaders().getFirst("X-LI-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 200 : statuses.remove();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/push";
    }

    List<Push> pushes() {
        return List.copyOf(pushes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
