package io.github.camelmessenger.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an oversized unsigned POST costs. The consumer's maxBodySize (1 MiB by default) is checked on the body the HTTP
 * engine hands it, so it can only refuse what the engine already buffered; the engine's own limit refuses a body from
 * its Content-Length header, before reading it. Vert.x's default limit is 10 MiB. A client announces a body and sends
 * only 256 KiB of it.
 */
class WebhookEngineBodyLimitTest {

    private static final long FIVE_MIB = 5L * 1024 * 1024;
    private static final long SIXTY_FOUR_MIB = 64L * 1024 * 1024;
    private static final int SENT = 256 * 1024;

    static class WithEngineLimit extends WebhookTestSupport {

        @Override
        protected Long engineMaxBodySize() {
            return 1024L * 1024;
        }

        @Override
        protected RouteBuilder createRouteBuilder() {
            return webhookRoute();
        }

        @Test
        @Timeout(10)
        void theEngineRefusesTheBodyBeforeReadingIt() throws Exception {
            String answer = postPartially(port, FIVE_MIB);

            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(events().getReceivedCounter()).isZero();
        }
    }

    static class WithoutEngineLimit extends WebhookTestSupport {

        @Override
        protected RouteBuilder createRouteBuilder() {
            return webhookRoute();
        }

        @Test
        @Timeout(10)
        void withoutItTheEngineBuffersABodyUnderItsDefaultBeforeTheConsumerCanRefuseIt() throws Exception {
            String answer = postPartially(port, FIVE_MIB);

            assertThat(answer).as("no answer while the rest of the 5 MiB is awaited: all of it is buffered first").isEmpty();
            assertThat(events().getReceivedCounter()).isZero();
        }

        @Test
        @Timeout(10)
        void vertxsDefaultLimitOf10MibStillRefusesAHugeBodyUpFront() throws Exception {
            assertThat(postPartially(port, SIXTY_FOUR_MIB)).startsWith("HTTP/1.1 413");
        }
    }

    private static RouteBuilder webhookRoute() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("messenger:webhook?verifyToken=" + WebhookTestSupport.VERIFY_TOKEN + "&appSecret="
                        + WebhookTestSupport.APP_SECRET).to("mock:events");
            }
        };
    }

    /** Announces {@code announced} bytes, sends {@value #SENT}, and returns what the server answered within 2 s. */
    private static String postPartially(int port, long announced) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /messenger/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + announced + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(new byte[SENT]);
                out.flush();
            } catch (IOException closedByTheServer) {
                // the engine may close the connection while the body is still being written
            }
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            try {
                byte[] buffer = new byte[1024];
                for (int n = in.read(buffer); n > 0 && answer.length() < 4096; n = in.read(buffer)) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException | java.net.SocketException nothingMore) {
                // no (more) answer
            }
            return answer.toString();
        }
    }
}
