package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerRetryableException;
import io.github.camelmessenger.simulator.Fault;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** attachmentCache=true: a file or URL sent to many recipients is uploaded once, then sent by attachment_id. */
class AttachmentCacheTest extends MessengerTestSupport {

    private static final String CACHED = "attachmentCache=true";

    @TempDir
    Path dir;

    private Exchange sendTo(String recipient, Object body, String options) {
        return send(sendUri(options), body, Map.of(MessengerConstants.RECIPIENT_ID, recipient,
                MessengerConstants.ATTACHMENT_TYPE, "image"));
    }

    private static String attachmentIdOf(RecordedRequest request) {
        return request.json().path("message").path("attachment").path("payload").path("attachment_id").asText(null);
    }

    @Test
    void sameUrlIsUploadedOnceThenSentById() {
        Exchange first = sendTo("r1", "https://example.com/banner.png", CACHED);
        sendTo("r2", "https://example.com/banner.png", CACHED);
        sendTo("r3", "https://example.com/banner.png", CACHED);

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).json().path("message")).isEqualTo(json(
                "{'attachment':{'type':'image','payload':{'url':'https://example.com/banner.png','is_reusable':true}}}"));
        String id = first.getMessage().getHeader(MessengerConstants.ATTACHMENT_ID, String.class);
        assertThat(id).isNotBlank();
        assertThat(requests.get(1).json()).isEqualTo(json("{'recipient':{'id':'r2'},'messaging_type':'RESPONSE',"
                + "'message':{'attachment':{'type':'image','payload':{'attachment_id':'" + id + "'}}}}"));
        assertThat(attachmentIdOf(requests.get(2))).isEqualTo(id);
    }

    @Test
    void sameBytesAreUploadedOnce() throws Exception {
        byte[] image = new byte[40_000];
        new java.util.Random(7).nextBytes(image);
        Path file = Files.write(dir.resolve("promo.png"), image);

        sendTo("r1", image, CACHED);
        sendTo("r2", image.clone(), CACHED);
        sendTo("r3", file, CACHED);

        List<RecordedRequest> requests = simulator.requests();
        assertThat(requests.get(0).isMultipart()).isTrue();
        assertThat(requests.get(0).json().path("message").path("attachment").path("payload").path("is_reusable").asBoolean())
                .isTrue();
        assertThat(requests.get(1).isMultipart()).isFalse();
        assertThat(requests.get(2).isMultipart()).as("the same bytes from a file").isFalse();
        assertThat(attachmentIdOf(requests.get(1))).isNotBlank().isEqualTo(attachmentIdOf(requests.get(2)));
    }

    @Test
    @Timeout(60)
    void concurrentBroadcastUploadsOnce() throws Exception {
        Path file = Files.write(dir.resolve("flyer.png"), new byte[200_000]);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Exchange>> sends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String recipient = "r" + i;
            sends.add(pool.submit(() -> sendTo(recipient, file, CACHED)));
        }
        for (Future<Exchange> send : sends) {
            assertThat(send.get().getException()).isNull();
        }
        pool.shutdown();

        assertThat(simulator.requests()).hasSize(50);
        assertThat(simulator.requests().stream().filter(RecordedRequest::isMultipart).count()).as("uploads").isEqualTo(1);
    }

    @Test
    void offByDefault() {
        sendTo("r1", "https://example.com/a.png", "");
        sendTo("r2", "https://example.com/a.png", "");

        assertThat(simulator.requests()).allSatisfy(r -> assertThat(attachmentIdOf(r)).isNull());
    }

    @Test
    void streamsAreNotCached() {
        sendTo("r1", new ByteArrayInputStream(new byte[100]), CACHED);
        sendTo("r2", new ByteArrayInputStream(new byte[100]), CACHED);

        assertThat(simulator.requests()).allSatisfy(r -> assertThat(r.isMultipart()).isTrue());
    }

    @Test
    void entriesExpireAfterTheTtl() throws InterruptedException {
        sendTo("r1", "https://example.com/t.png", CACHED + "&attachmentCacheTtl=200ms");
        Thread.sleep(300);
        sendTo("r2", "https://example.com/t.png", CACHED + "&attachmentCacheTtl=200ms");

        assertThat(attachmentIdOf(simulator.requests().get(1))).as("expired: uploaded again").isNull();
    }

    @Test
    void aFailedFirstUploadIsNotCached() {
        simulator.enqueue(Fault.httpStatus(503));

        Exchange failed = sendTo("r1", "https://example.com/f.png", CACHED);
        Exchange retried = sendTo("r1", "https://example.com/f.png", CACHED);

        assertThat(failed.getException()).isInstanceOf(MessengerRetryableException.class);
        assertThat(retried.getException()).isNull();
        assertThat(simulator.lastRequest().json().path("message").path("attachment").path("payload").path("url").asText())
                .isEqualTo("https://example.com/f.png");
    }
}
