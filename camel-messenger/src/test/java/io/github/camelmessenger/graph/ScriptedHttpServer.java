package io.github.camelmessenger.graph;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw HTTP/1.1 server on loopback that answers every request with a script, byte by byte if it likes: the broken
 * servers no real HTTP server library plays (a header line every 400 ms, a 30 MB error body). It counts connections and
 * the bytes it managed to write.
 */
final class ScriptedHttpServer implements AutoCloseable {

    /** Writes the answer to one request. */
    @FunctionalInterface
    interface Script {

        void answer(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "scripted-http");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong written = new AtomicLong();
    private volatile Script script;

    ScriptedHttpServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    void script(Script next) {
        this.script = next;
    }

    int connections() {
        return connections.get();
    }

    long bytesWritten() {
        return written.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new CountingOutputStream(socket.getOutputStream());
            while (readRequest(in)) {
                script.answer(out);
                out.flush();
            }
        } catch (IOException | InterruptedException clientWentAway) {
            // the client closed the connection: what a broken server sees
        }
    }

    /** Reads one request (headers, then Content-Length bytes); false at the end of the connection. */
    private static boolean readRequest(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            headers.append((char) b);
            if (headers.length() >= 4 && headers.substring(headers.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        if (b < 0) {
            return false;
        }
        long length = 0;
        for (String line : headers.toString().split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return true;
    }

    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private final class CountingOutputStream extends OutputStream {

        private final OutputStream delegate;

        CountingOutputStream(OutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
            written.incrementAndGet();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            delegate.write(bytes, offset, length);
            written.addAndGet(length);
        }

        @Override
        public void flush() throws IOException {
            delegate.flush();
        }
    }
}
