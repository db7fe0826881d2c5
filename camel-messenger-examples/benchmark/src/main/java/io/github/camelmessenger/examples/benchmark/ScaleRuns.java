package io.github.camelmessenger.examples.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmessenger.MessengerComponent;
import io.github.camelmessenger.MessengerConstants;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * What the non-blocking producer is for: thousands of sends in flight on few threads, a steady rate from a route with
 * one consumer thread, many Pages through one client, and no heap growth over a long run.
 */
final class ScaleRuns {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private ScaleRuns() {
    }

    /**
     * {@code sends} sends issued at once from one thread against a Graph API answering in {@code latencyMs}, twice (the
     * first burst opens the connections, the second finds them pooled), by A and by B2, each with a pool as large as the
     * burst: the wall time until the last answer, and the JVM's threads over idle.
     */
    static void inFlight(String baseUrl, int latencyMs, int sends) throws Exception {
        System.out.printf(Locale.ROOT, "%nin flight: %,d sends issued at once from one thread, Graph API answering in"
                + " %d ms, maxConnections=%d%n", sends, latencyMs, sends);
        System.out.println("| variant | burst | wall time s | failed | JVM threads idle -> peak | growth |");
        System.out.println("|---|---|---|---|---|---|");
        List<CpuComparison.VariantFactory> contenders = List.of(
                () -> Variants.component(baseUrl, false, "&maxConnections=" + sends),
                () -> Variants.rawAsyncHttpClient(baseUrl, false, sends));
        for (CpuComparison.VariantFactory contender : contenders) {
            try (Variant variant = contender.create()) {
                variant.send("warm-up");
                Thread.sleep(500);
                int idle = Drivers.THREADS.getThreadCount();
                Drivers.THREADS.resetPeakThreadCount();
                for (String burst : List.of("first (new connections)", "second (pooled connections)")) {
                    long start = System.nanoTime();
                    List<CompletableFuture<String>> calls = new ArrayList<>(sends);
                    for (int i = 0; i < sends; i++) {
                        calls.add(variant.sendAsync("psid-" + i));
                    }
                    int failed = 0;
                    for (CompletableFuture<String> call : calls) {
                        try {
                            call.get(2, TimeUnit.MINUTES);
                        } catch (Exception e) {
                            failed++;
                        }
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    int peak = Drivers.THREADS.getPeakThreadCount();
                    System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %d | %d -> %d | %+d |%n", variant.name(), burst,
                            seconds, failed, idle, peak, peak - idle);
                }
            }
        }
    }

    /**
     * A route with one consumer thread ({@code seda:} with the default single consumer) sending at {@code rate} per second
     * for {@code seconds} (after {@code warmupSeconds} at that rate) against a Graph API answering in {@code latencyMs}: the rate it sustains, and the latency it
     * adds to the Graph API's, from the offer into the queue to the answer.
     */
    static void sustained(String baseUrl, int latencyMs, int rate, int warmupSeconds, int seconds) throws Exception {
        int total = rate * seconds;
        long[] latencies = new long[total];
        long[] completedAt = new long[total];
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch finished = new CountDownLatch(total);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(e -> {
                    if (e.getMessage().getHeader("index", Integer.class) >= 0) {
                        failed.incrementAndGet();
                        finished.countDown();
                    }
                });
                from("seda:broadcast").routeId("broadcast")
                        .to("messenger:send?accessToken=" + SimulatorServer.TOKEN + "&baseUrl=" + baseUrl)
                        .process(e -> {
                            int i = e.getMessage().getHeader("index", Integer.class);
                            if (i >= 0) {
                                completedAt[i] = System.nanoTime();
                                latencies[i] = completedAt[i] - e.getMessage().getHeader("offeredAt", Long.class);
                                finished.countDown();
                            }
                        });
            }
        });
        context.start();
        ProducerTemplate producer = context.createProducerTemplate();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        try {
            offer(producer, -1);
            Thread.sleep(latencyMs * 3L);
            int idle = Drivers.THREADS.getThreadCount();
            Drivers.THREADS.resetPeakThreadCount();
            // the same rate first unmeasured for warmupSeconds (JIT, connections), then measured for seconds
            int warmup = rate * warmupSeconds;
            AtomicInteger issued = new AtomicInteger();
            AtomicLong measuredFrom = new AtomicLong();
            ticker.scheduleAtFixedRate(() -> {
                int i = issued.getAndIncrement() - warmup;
                if (i == 0) {
                    measuredFrom.set(System.nanoTime());
                }
                if (i < total) {
                    offer(producer, i < 0 ? -1 : i);
                }
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            boolean all = finished.await(seconds + 60L, TimeUnit.SECONDS);
            int peak = Drivers.THREADS.getPeakThreadCount();
            long consumerThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().contains("seda://broadcast")).count();
            // the sustained rate: answers completed from 1 s after the measured start to the last offer
            long start = measuredFrom.get();
            long windowStart = start + TimeUnit.SECONDS.toNanos(1);
            long windowEnd = start + TimeUnit.SECONDS.toNanos(seconds);
            long inWindow = Arrays.stream(completedAt).filter(t -> t >= windowStart && t < windowEnd).count();
            long[] added = Arrays.stream(latencies).map(l -> l - TimeUnit.MILLISECONDS.toNanos(latencyMs)).sorted().toArray();
            System.out.printf(Locale.ROOT,
                    "%nsustained: %d sends/s offered for %d s (after %d s at that rate unmeasured) to a route with %d consumer thread (seda:), Graph API"
                            + " answering in %d ms: %.0f sends/s sustained, %d failed%s; latency added to the Graph API's,"
                            + " from the offer to the answer: p50 %.1f ms, p99 %.1f ms, max %.1f ms; JVM threads %d -> %d"
                            + " (%+d)%n",
                    rate, seconds, warmupSeconds, consumerThreads, latencyMs, inWindow / ((windowEnd - windowStart) / 1e9),
                    failed.get(),
                    all ? "" : " (NOT ALL COMPLETED)", added[total / 2] / 1e6, added[(int) (total * 0.99)] / 1e6,
                    added[total - 1] / 1e6, idle, peak, peak - idle);
        } finally {
            ticker.shutdownNow();
            context.close();
        }
    }

    private static void offer(ProducerTemplate producer, int index) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put(MessengerConstants.RECIPIENT_ID, "psid-" + index);
        headers.put("index", index);
        headers.put("offeredAt", System.nanoTime());
        producer.sendBodyAndHeaders("seda:broadcast", Variants.TEXT, headers);
    }

    /**
     * {@code pages} Pages, each with its own token (pageAccessTokens, appsecret_proof on), through one endpoint by the
     * CamelMessengerPageId header, then through {@code toD} (an endpoint per Page): the heap each Page adds, and the
     * connection pools the component holds.
     */
    static void manyPages(String baseUrl, int pages) throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (int page = 0; page < pages; page++) {
            tokens.put(SimulatorServer.pageId(page), SimulatorServer.pageToken(page));
        }
        CamelContext context = new DefaultCamelContext();
        MessengerComponent messenger = context.getComponent("messenger", MessengerComponent.class);
        messenger.getConfiguration().setBaseUrl(baseUrl);
        messenger.getConfiguration().setAppSecret(SimulatorServer.APP_SECRET);
        messenger.getConfiguration().setPageAccessTokens(tokens);
        context.addRoutes(new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:header").to("messenger:send");
                from("direct:toD").toD("messenger:send?pageId=${header.page}");
            }
        });
        context.start();
        try {
            AsyncProducer header = context.getEndpoint("direct:header").createAsyncProducer();
            AsyncProducer toD = context.getEndpoint("direct:toD").createAsyncProducer();
            header.start();
            toD.start();
            sendToOnePage(context, header, pages);
            // the control: as many sends, all from one Page, so that what is not per Page is subtracted
            long start = usedAfterGc();
            sendToOnePage(context, header, pages);
            long before = usedAfterGc();
            int failedHeader = sendToEveryPage(context, header, pages, MessengerConstants.PAGE_ID);
            long afterHeader = usedAfterGc();
            int poolsHeader = messenger.connectionPools();
            int failedToD = sendToEveryPage(context, toD, pages, "page");
            long afterToD = usedAfterGc();
            System.out.printf(Locale.ROOT,
                    "%nmany Pages: %,d Pages, each with its own token in pageAccessTokens and appsecret_proof on, one"
                            + " send each from each:%n"
                            + "| how | failed | heap growth after full GC, per send | connection pools | endpoints |%n"
                            + "|---|---|---|---|---|%n"
                            + "| control: as many sends from one Page | 0 | %.0f bytes | %d | 1 |%n"
                            + "| one endpoint, CamelMessengerPageId header | %d | %.0f bytes | %d | %d |%n"
                            + "| toD(\"messenger:send?pageId=${header.page}\"): an endpoint per Page | %d | %.0f bytes | %d"
                            + " | %d |%n",
                    pages, (before - start) / (double) pages, poolsHeader, failedHeader,
                    (afterHeader - before) / (double) pages, poolsHeader,
                    1, failedToD, (afterToD - afterHeader) / (double) pages, messenger.connectionPools(),
                    context.getEndpoints().stream().filter(e -> e.getEndpointUri().startsWith("messenger:")).count());
            header.stop();
            toD.stop();
        } finally {
            context.close();
        }
    }

    /** {@code sends} sends, all from the first Page. */
    private static void sendToOnePage(CamelContext context, AsyncProducer producer, int sends) throws Exception {
        for (int i = 0; i < sends; i++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Variants.TEXT);
            exchange.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, "psid-" + i);
            exchange.getMessage().setHeader(MessengerConstants.PAGE_ID, SimulatorServer.pageId(0));
            Exception failure = producer.processAsync(exchange).get(1, TimeUnit.MINUTES).getException();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** One send from each of the first {@code pages} Pages, at most 50 in flight; returns how many failed. */
    private static int sendToEveryPage(CamelContext context, AsyncProducer producer, int pages, String pageHeader)
            throws Exception {
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Exchange>> window = new ArrayList<>();
        for (int page = 0; page < pages; page++) {
            Exchange exchange = new DefaultExchange(context);
            exchange.getMessage().setBody(Variants.TEXT);
            exchange.getMessage().setHeader(MessengerConstants.RECIPIENT_ID, "psid-" + page);
            exchange.getMessage().setHeader(pageHeader, SimulatorServer.pageId(page));
            window.add(producer.processAsync(exchange));
            if (window.size() == 50 || page == pages - 1) {
                for (CompletableFuture<Exchange> call : window) {
                    if (call.get(1, TimeUnit.MINUTES).getException() != null) {
                        failed.incrementAndGet();
                    }
                }
                window.clear();
            }
        }
        return failed.get();
    }

    /** A sends {@code sends} messages from 16 threads; the used heap after a full GC must not grow. */
    static void heapAfterManySends(String baseUrl, int warmup, int sends) throws Exception {
        try (Variant a = Variants.component(baseUrl, false)) {
            Drivers.blocking(a, 16, warmup);
            long before = usedAfterGc();
            long start = System.nanoTime();
            Drivers.blocking(a, 16, sends);
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedAfterGc();
            System.out.printf(Locale.ROOT,
                    "%nheap: used after full GC %.1f MB before and %.1f MB after %,d sends of A (%.0f msgs/s):"
                            + " growth %+.1f MB%n",
                    before / 1048576.0, after / 1048576.0, sends, sends / seconds, (after - before) / 1048576.0);
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
