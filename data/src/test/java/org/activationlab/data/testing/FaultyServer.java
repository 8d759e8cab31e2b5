package org.activationlab.data.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on the loopback interface that serves one file with injected faults, for tests:
 * each request gets the {@link Fault} that {@link #faults} chooses for its index (0 for the first),
 * and the server honours {@code Range: bytes=N-} unless told not to. {@link #close} releases any
 * request still stalled and stops the server.
 */
public final class FaultyServer implements AutoCloseable {

    /** What the server does with one request. */
    public enum Fault {
        /** Serves the file (or the requested range of it) completely. */
        NONE,
        /** Sends the headers and the first half of the body, then waits until the server closes. */
        STALL_AFTER_HEADERS,
        /** Announces the full length but sends half of the body, then closes the connection. */
        TRUNCATE,
        /** Sends the body with a byte in the middle flipped. */
        CORRUPT,
        /** Answers 404 Not Found. */
        NOT_FOUND,
        /** Answers 500 Internal Server Error. */
        SERVER_ERROR,
        /** Serves the file completely but in small pieces with a pause between them. */
        SLOW,
        /** Serves the whole file with 200, ignoring any Range header. */
        IGNORE_RANGE
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "faulty-server");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch closing = new CountDownLatch(1);
    private final byte[] body;
    private final String path;
    private final IntFunction<Fault> faults;
    private final long slowPauseMillis;
    private final List<String> ranges = new ArrayList<>();

    /**
     * Starts serving {@code body} at {@code path} (e.g. {@code "/toy/blob.bin"}).
     *
     * @param faults the fault for the request with the given index
     * @param slowPauseMillis the pause between pieces for {@link Fault#SLOW}
     */
    public FaultyServer(String path, byte[] body, IntFunction<Fault> faults, long slowPauseMillis) throws IOException {
        this.body = body.clone();
        this.path = path;
        this.faults = faults;
        this.slowPauseMillis = slowPauseMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URL, ending in {@code /}, e.g. {@code http://127.0.0.1:41234/}. */
    public URI base() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    /** The {@code Range} header of every request so far, in order ({@code "-"} for none). */
    public synchronized List<String> ranges() {
        return List.copyOf(ranges);
    }

    /** Number of requests so far. */
    public synchronized int requests() {
        return ranges.size();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int index;
        String range = exchange.getRequestHeaders().getFirst("Range");
        synchronized (this) {
            index = ranges.size();
            ranges.add(range == null ? "-" : range);
        }
        Fault fault = faults.apply(index);
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(path) || fault == Fault.NOT_FOUND) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (fault == Fault.SERVER_ERROR) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            int offset = 0;
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m != null && m.matches() && fault != Fault.IGNORE_RANGE) {
                offset = Integer.parseInt(m.group(1));
                if (offset >= body.length) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Range",
                        "bytes " + offset + "-" + (body.length - 1) + "/" + body.length);
                exchange.sendResponseHeaders(206, body.length - offset);
            } else {
                exchange.sendResponseHeaders(200, body.length);
            }
            byte[] rest = Arrays.copyOfRange(body, offset, body.length);
            OutputStream out = exchange.getResponseBody();
            switch (fault) {
                case STALL_AFTER_HEADERS -> {
                    out.write(rest, 0, rest.length / 2);
                    out.flush();
                    closing.await();
                }
                case TRUNCATE -> {
                    out.write(rest, 0, rest.length / 2);
                    out.flush();
                    // Closing the exchange with bytes missing makes the server drop the connection.
                }
                case CORRUPT -> {
                    rest[rest.length / 2] ^= 0x55;
                    out.write(rest);
                }
                case SLOW -> {
                    int piece = Math.max(1, rest.length / 4);
                    for (int from = 0; from < rest.length; from += piece) {
                        out.write(rest, from, Math.min(piece, rest.length - from));
                        out.flush();
                        Thread.sleep(slowPauseMillis);
                    }
                }
                default -> out.write(rest);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (or the fault cut the body short): nothing more to send.
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
