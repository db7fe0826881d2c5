package io.github.camelmessenger.send;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import com.sun.management.ThreadMXBean;
import io.github.camelmessenger.MessengerConstants;
import io.github.camelmessenger.MessengerTestSupport;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.model.Attachment;
import io.github.camelmessenger.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** File uploads as multipart/form-data in one Send API call, streamed; and messenger:upload. */
class UploadTest extends MessengerTestSupport {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path dir;

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private Exchange upload(Object body, Map<String, Object> headers, String options) {
        Map<String, Object> all = new HashMap<>(headers);
        return send(sendUri("recipientId=1" + (options.isEmpty() ? "" : "&" + options)), body, all);
    }

    private static void assertParts(RecordedRequest request, String message) {
        assertThat(request.isMultipart()).isTrue();
        assertThat(request.parts()).extracting(RecordedRequest.Part::name)
                .containsExactly("recipient", "messaging_type", "message", "filedata");
        assertThat(request.json())
                .isEqualTo(json("{'recipient':{'id':'1'},'messaging_type':'RESPONSE','message':" + message + "}"));
    }

    @Test
    void byteArrayBodyIsSentAsFiledataWithItsNameAndType() {
        byte[] png = randomBytes(70_000);

        Exchange exchange = upload(png,
                Map.of(MessengerConstants.ATTACHMENT_TYPE, "image", Exchange.FILE_NAME, "photos/cat.png"), "");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MessengerConstants.MESSAGE_ID)).isNotNull();
        RecordedRequest request = simulator.lastRequest();
        assertParts(request, "{'attachment':{'type':'image','payload':{}}}");
        RecordedRequest.Part file = request.part("filedata");
        assertThat(file.fileName()).isEqualTo("cat.png");
        assertThat(file.contentType()).isEqualTo("image/png");
        assertThat(file.data()).isEqualTo(png);
        assertThat(request.uri()).doesNotContain(TOKEN);
    }

    @Test
    void pathBodyIsStreamedWithTheFilesNameAndBytesIntact() throws IOException {
        byte[] pdf = randomBytes(300_000);
        Path file = Files.write(dir.resolve("invoice.pdf"), pdf);

        Exchange exchange = upload(file, Map.of(MessengerConstants.ATTACHMENT_TYPE, "file"), "");

        assertThat(exchange.getException()).isNull();
        RecordedRequest.Part part = simulator.lastRequest().part("filedata");
        assertThat(part.fileName()).isEqualTo("invoice.pdf");
        assertThat(part.contentType()).isEqualTo("application/pdf");
        assertThat(part.data()).isEqualTo(pdf);
    }

    @Test
    void fileBodyIsSentToo() throws IOException {
        byte[] video = randomBytes(50_000);
        Path file = Files.write(dir.resolve("clip.mp4"), video);

        Exchange exchange = upload(file.toFile(), Map.of(MessengerConstants.ATTACHMENT_TYPE, "video"), "");

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().part("filedata").data()).isEqualTo(video);
        assertThat(simulator.lastRequest().part("filedata").contentType()).isEqualTo("video/mp4");
    }

    @Test
    void inputStreamBodyOfUnknownLengthIsStreamed() {
        byte[] audio = randomBytes(123_457);

        Exchange exchange = upload(new ByteArrayInputStream(audio), Map.of(MessengerConstants.ATTACHMENT_TYPE, "audio",
                Exchange.FILE_NAME, "voice.mp3", MessengerConstants.FILE_CONTENT_TYPE, "audio/mpeg"), "");

        assertThat(exchange.getException()).isNull();
        RecordedRequest.Part part = simulator.lastRequest().part("filedata");
        assertThat(part.fileName()).isEqualTo("voice.mp3");
        assertThat(part.contentType()).isEqualTo("audio/mpeg");
        assertThat(part.data()).isEqualTo(audio);
    }

    @Test
    void reusableUploadReturnsTheAttachmentId() {
        Exchange exchange = upload(randomBytes(1000), Map.of(MessengerConstants.ATTACHMENT_TYPE, "image",
                MessengerConstants.ATTACHMENT_REUSABLE, true), "");

        assertThat(exchange.getException()).isNull();
        assertParts(simulator.lastRequest(), "{'attachment':{'type':'image','payload':{'is_reusable':true}}}");
        assertThat(exchange.getMessage().getHeader(MessengerConstants.ATTACHMENT_ID, String.class)).isNotBlank();
    }

    @Test
    void binaryBodyWithoutAttachmentTypeIsRejectedBeforeSending() {
        Exchange exchange = upload(randomBytes(10), Map.of(), "");

        assertThat(exchange.getException()).isInstanceOf(MessengerValidationException.class)
                .hasMessageStartingWith("message.attachment.type");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void fileOver25MbIsRejectedBeforeSending() throws IOException {
        Path big = sparseFile("big.bin", 25 * MB + 1);

        Exchange exchange = upload(big, Map.of(MessengerConstants.ATTACHMENT_TYPE, "file"), "");

        MessengerValidationException e = (MessengerValidationException) exchange.getException();
        assertThat(e.getField()).isEqualTo("filedata");
        assertThat(e.getActualSize()).isEqualTo((int) (25 * MB + 1));
        assertThat(e.getLimit()).isEqualTo((int) (25 * MB));
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    void instagramImageOver8MbIsRejectedBeforeSending() throws IOException {
        Path image = sparseFile("photo.jpg", 8 * MB + 1);

        Exchange exchange = upload(image, Map.of(MessengerConstants.ATTACHMENT_TYPE, "image"), "platform=instagram");

        MessengerValidationException e = (MessengerValidationException) exchange.getException();
        assertThat(e.getLimit()).isEqualTo((int) (8 * MB));
        assertThat(e.getMessage()).contains("instagram");
        assertThat(simulator.requests()).isEmpty();
    }

    @Test
    @Timeout(60)
    void streamThatPassesTheLimitIsAbortedAndNothingIsDelivered() {
        InputStream endless = new ZeroStream(25 * MB + 10);

        Exchange exchange = upload(endless, Map.of(MessengerConstants.ATTACHMENT_TYPE, "video"), "");

        assertThat(exchange.getException()).isNotNull();
        assertThat(exchange.getException()).hasStackTraceContaining("filedata passed " + 25 * MB + " bytes");
        assertThat(simulator.delivered()).isEmpty();
    }

    @Test
    @Timeout(120)
    void uploading25MbRaisesTheSendersHeapByAFewMegabytesOnly() throws Exception {
        Path file = dir.resolve("big-video.mp4");
        byte[] chunk = randomBytes(1024 * 1024);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 25; i++) {
                out.write(chunk);
                expected.update(chunk);
            }
        }
        Map<String, Object> headers = Map.of(MessengerConstants.ATTACHMENT_TYPE, "video");
        upload(sparseFile("warmup.mp4", 1024), headers, ""); // loads classes and opens the connection pool
        simulator.reset();

        Map<Long, Long> before = allocatedByClientThreads();
        Exchange exchange = upload(file, headers, "");
        Map<Long, Long> after = allocatedByClientThreads();
        long allocated = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();

        assertThat(exchange.getException()).isNull();
        System.out.printf("UPLOAD 25 MB file: %.2f MB allocated by the client's threads (caller, upload writer, I/O)%n",
                allocated / (double) MB);
        assertThat(allocated).as("bytes the client allocated while sending 25 MB").isLessThan(4 * MB);
        byte[] received = simulator.lastRequest().part("filedata").data();
        assertThat(received.length).isEqualTo(25 * MB);
        assertThat(MessageDigest.getInstance("SHA-256").digest(received)).isEqualTo(expected.digest());
    }

    /**
     * Bytes allocated so far by each thread of the client side: every thread but the simulator's (Vert.x), which keeps
     * the whole upload to record it.
     */
    private static Map<Long, Long> allocatedByClientThreads() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<Long, Long> allocated = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.getName().startsWith("vert.x")) {
                allocated.put(thread.getId(), threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return allocated;
    }

    // --- messenger:upload

    @Test
    void uploadOperationUploadsAUrlAndReturnsTheAttachmentId() {
        Exchange exchange = send("messenger:upload?accessToken=" + TOKEN + "&baseUrl=" + simulator.baseUrl(),
                "https://example.com/cat.png", Map.of(MessengerConstants.ATTACHMENT_TYPE, "image"));

        assertThat(exchange.getException()).isNull();
        RecordedRequest request = simulator.lastRequest();
        assertThat(request.path()).isEqualTo("/v25.0/me/message_attachments");
        assertThat(request.json()).isEqualTo(json(
                "{'message':{'attachment':{'type':'image','payload':{'url':'https://example.com/cat.png','is_reusable':true}}}}"));
        assertThat(exchange.getMessage().getHeader(MessengerConstants.ATTACHMENT_ID, String.class)).isNotBlank();
        assertThat(exchange.getMessage().getBody()).isEqualTo("https://example.com/cat.png");
    }

    @Test
    void uploadOperationUploadsAFile() throws IOException {
        byte[] bytes = randomBytes(20_000);
        Path file = Files.write(dir.resolve("manual.pdf"), bytes);

        Exchange exchange = send("messenger:upload?accessToken=" + TOKEN + "&baseUrl=" + simulator.baseUrl(), file,
                Map.of(MessengerConstants.ATTACHMENT_TYPE, "file"));

        assertThat(exchange.getException()).isNull();
        RecordedRequest request = simulator.lastRequest();
        assertThat(request.parts()).extracting(RecordedRequest.Part::name).containsExactly("message", "filedata");
        assertThat(request.json()).isEqualTo(json("{'message':{'attachment':{'type':'file','payload':{'is_reusable':true}}}}"));
        assertThat(request.part("filedata").data()).isEqualTo(bytes);
        assertThat(exchange.getMessage().getHeader(MessengerConstants.ATTACHMENT_ID, String.class)).isNotBlank();
    }

    @Test
    void instagramUploadSaysSo() {
        Exchange exchange = send("messenger:upload?platform=instagram&accessToken=" + TOKEN + "&baseUrl=" + simulator.baseUrl(),
                Attachment.url("video", "https://example.com/v.mp4"), Map.of());

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.lastRequest().json().path("platform").asText()).isEqualTo("instagram");
    }

    @Test
    void uploadedAttachmentIdIsSentByIdLater() {
        String id = send("messenger:upload?accessToken=" + TOKEN + "&baseUrl=" + simulator.baseUrl(),
                "https://example.com/a.png",
                Map.of(MessengerConstants.ATTACHMENT_TYPE, "image")).getMessage()
                .getHeader(MessengerConstants.ATTACHMENT_ID, String.class);

        send(sendUri("recipientId=1"), Attachment.byId("image", id), Map.of());

        assertThat(simulator.lastRequest().json().path("message").path("attachment").path("payload").path("attachment_id")
                .asText())
                .isEqualTo(id);
    }

    private Path sparseFile(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    /** {@code size} zero bytes, made on the fly: a stream whose length nobody knows up front. */
    private static final class ZeroStream extends InputStream {

        private long remaining;

        ZeroStream(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining <= 0) {
                return -1;
            }
            remaining--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            remaining -= n;
            return n;
        }
    }
}
