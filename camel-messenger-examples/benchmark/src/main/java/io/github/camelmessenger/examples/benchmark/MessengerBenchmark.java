package io.github.camelmessenger.examples.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * The benchmark: messenger:send (A) against Apache HttpClient 5 + Jackson (B, the floor) and camel-http +
 * camel-jackson (C), in one run, same machine, same concurrency, same simulator in a separate JVM. Prints the table
 * of docs/performance.md. {@code -Dbenchmark.quick=true} is the short smoke run of CI.
 */
public final class MessengerBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("benchmark.quick");
    private static final int THREADS = Integer.getInteger("benchmark.threads", 16);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", QUICK ? 2_000 : 20_000);
    private static final int MEASURED = Integer.getInteger("benchmark.messages", QUICK ? 3_000 : 100_000);
    private static final int LONG_RUN = Integer.getInteger("benchmark.longRun", QUICK ? 10_000 : 1_000_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", QUICK ? 1 : 5);
    private static final int LATENCY_MS = 200;
    private static final int TARGET_RATE = 300;
    private static final int LATENCY_RUN_SECONDS = QUICK ? 3 : 20;
    private static final int LATENCY_THREADS = 80;

    private static final ThreadMXBean THREAD_BEAN = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS_BEAN = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private MessengerBenchmark() {
    }

    record Result(String variant, String message, int messages, double seconds, double cpuMicrosPerMessage,
            double allocatedKbPerMessage, double p50Millis, double p99Millis, int peakThreads) {

        double throughput() {
            return messages / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("camel-messenger benchmark (%s): %d cores, Java %s, %s; %d sender threads; %d warm-up messages per"
                + " contender, then %d rounds of %d measured messages each, best round kept%n",
                QUICK ? "quick smoke run" : "full run", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.arch"), THREADS, WARMUP, ROUNDS, MEASURED);
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), SimulatorServer.class.getName(), "0",
                String.valueOf(LATENCY_MS)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String[] ports = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().split(" ");
            String fast = "http://127.0.0.1:" + ports[1];
            String slow = "http://127.0.0.1:" + ports[2];
            List<Result> results = new ArrayList<>();
            for (boolean template : new boolean[]{false, true}) {
                String message = template ? "template" : "text";
                List<VariantFactory> contenders = List.of(
                        () -> Variants.component(fast, template),
                        () -> Variants.rawHttpClient(fast, template),
                        () -> Variants.camelHttp(fast, template));
                // JIT-compile every contender before measuring any, then measure them in turn, ROUNDS times, keeping
                // each one's best round: the two cores are shared with the simulator, so single runs are noisy
                for (VariantFactory contender : contenders) {
                    try (Variant variant = contender.create()) {
                        drive(variant, WARMUP, null);
                    }
                }
                Result[] best = new Result[contenders.size()];
                for (int round = 0; round < ROUNDS; round++) {
                    for (int i = 0; i < contenders.size(); i++) {
                        Result result = run(contenders.get(i).create(), message);
                        best[i] = best[i] == null ? result : best(best[i], result);
                    }
                }
                results.addAll(List.of(best));
            }
            printTable(results);
            Profile.print(profileComponent(fast));
            heapAfterManySends(fast);
            latencyRun(slow);
        } finally {
            simulator.getOutputStream().close();
            simulator.waitFor(10, TimeUnit.SECONDS);
            simulator.destroyForcibly();
        }
    }

    private static Result best(Result first, Result second) {
        return first.cpuMicrosPerMessage() <= second.cpuMicrosPerMessage() ? first : second;
    }

    @FunctionalInterface
    interface VariantFactory {

        Variant create() throws Exception;
    }

    /** A short warm-up of the fresh instance, then {@code MEASURED} messages from {@code THREADS} threads, closed loop. */
    static Result run(Variant variant, String message) throws Exception {
        try (variant) {
            drive(variant, WARMUP / 4, null);
            System.gc();
            long[] latencies = new long[MEASURED];
            long cpuBefore = OS_BEAN.getProcessCpuTime();
            long start = System.nanoTime();
            long allocated = drive(variant, MEASURED, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = OS_BEAN.getProcessCpuTime() - cpuBefore;
            Arrays.sort(latencies);
            return new Result(variant.name(), message, MEASURED, seconds, cpu / 1e3 / MEASURED, allocated / 1024.0 / MEASURED,
                    latencies[MEASURED / 2] / 1e6, latencies[(int) (MEASURED * 0.99)] / 1e6, THREAD_BEAN.getPeakThreadCount());
        }
    }

    /** Sends {@code count} messages from {@code THREADS} threads; returns the bytes the senders allocated. */
    private static long drive(Variant variant, int count, long[] latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong next = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                long id = Thread.currentThread().getId();
                ready.countDown();
                long before = THREAD_BEAN.getThreadAllocatedBytes(id);
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    String mid = variant.send("psid-" + (i % 1000));
                    if (latencies != null) {
                        latencies[(int) i] = System.nanoTime() - t0;
                    }
                    if (mid == null || mid.isEmpty()) {
                        throw new IllegalStateException("no message_id");
                    }
                }
                allocated.addAndGet(THREAD_BEAN.getThreadAllocatedBytes(id) - before);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return allocated.get();
    }

    private static void printTable(List<Result> results) {
        System.out.println();
        System.out.println(
                "| message | variant | msgs/s | CPU µs/msg | CPU vs B | alloc KB/msg | alloc vs B | p50 ms | p99 ms | p50 over B | p99 over B |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            Result b = results.stream().filter(x -> x.message().equals(r.message()) && x.variant().startsWith("B")).findFirst()
                    .orElseThrow();
            System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.1f | %.2fx | %.1f | %.2fx | %.2f | %.2f | %+.2f | %+.2f |%n",
                    r.message(), r.variant(), r.throughput(), r.cpuMicrosPerMessage(),
                    r.cpuMicrosPerMessage() / b.cpuMicrosPerMessage(),
                    r.allocatedKbPerMessage(), r.allocatedKbPerMessage() / b.allocatedKbPerMessage(), r.p50Millis(),
                    r.p99Millis(),
                    r.p50Millis() - b.p50Millis(), r.p99Millis() - b.p99Millis());
        }
        System.out.printf(
                "threads: %d sender threads per run; peak JVM threads %d (the producer is synchronous: it adds none)%n",
                THREADS, THREAD_BEAN.getPeakThreadCount());
    }

    /** A JFR execution-sample profile of A sending text, to show what the remaining cost is. */
    private static Path profileComponent(String baseUrl) throws Exception {
        Path file = Files.createTempFile("messenger-benchmark", ".jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            try (Variant a = Variants.component(baseUrl, false)) {
                drive(a, WARMUP / 2, null);
                recording.start();
                drive(a, MEASURED / 2, null);
                recording.stop();
            }
            recording.dump(file);
        }
        return file;
    }

    /** A sends {@code LONG_RUN} messages; the used heap after a full GC must not grow. */
    private static void heapAfterManySends(String baseUrl) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Variant a = Variants.component(baseUrl, false)) {
            drive(a, WARMUP, null);
            long before = usedAfterGc(memory);
            long start = System.nanoTime();
            drive(a, LONG_RUN, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            long after = usedAfterGc(memory);
            System.out.printf(Locale.ROOT,
                    "%nheap: used after full GC %.1f MB before and %.1f MB after %,d sends of A (%.0f msgs/s):"
                            + " growth %+.1f MB%n",
                    before / 1048576.0, after / 1048576.0, LONG_RUN, LONG_RUN / seconds,
                    (after - before) / 1048576.0);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** 300 sends/s against a Graph API answering in 200 ms, open loop, from a bounded pool. */
    private static void latencyRun(String baseUrl) throws Exception {
        int total = TARGET_RATE * LATENCY_RUN_SECONDS;
        ExecutorService pool = Executors.newFixedThreadPool(LATENCY_THREADS);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long[] latencies = new long[total];
        long[] completedAt = new long[total];
        AtomicLong issued = new AtomicLong();
        int threadsBefore = THREAD_BEAN.getThreadCount();
        try (Variant a = Variants.component(baseUrl, false)) {
            a.send("warm-up");
            long start = System.nanoTime();
            CountDownLatch finished = new CountDownLatch(total);
            // one send every 1/300 s, whatever the answers do
            ticker.scheduleAtFixedRate(() -> {
                long i = issued.getAndIncrement();
                if (i >= total) {
                    return;
                }
                long scheduled = System.nanoTime();
                pool.execute(() -> {
                    try {
                        a.send("psid-" + i);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    completedAt[(int) i] = System.nanoTime();
                    latencies[(int) i] = completedAt[(int) i] - scheduled;
                    finished.countDown();
                });
            }, 0, 1_000_000 / TARGET_RATE, TimeUnit.MICROSECONDS);
            finished.await(LATENCY_RUN_SECONDS + 60L, TimeUnit.SECONDS);
            int peakThreads = THREAD_BEAN.getThreadCount();
            // the sustained rate: answers completed in the steady state, from 1 s after the start to the last offer
            long windowStart = start + TimeUnit.SECONDS.toNanos(1);
            long windowEnd = start + TimeUnit.SECONDS.toNanos(LATENCY_RUN_SECONDS);
            long inWindow = Arrays.stream(completedAt).filter(t -> t >= windowStart && t < windowEnd).count();
            double sustained = inWindow / ((windowEnd - windowStart) / 1e9);
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT,
                    "%nlatency run: Graph answering in %d ms, %d sends offered at %d/s: %.0f sends/s sustained,"
                            + " %d completed, %d failed, p50 %.0f ms, p99 %.0f ms (from schedule to answer), %d sender"
                            + " threads (bounded pool), JVM threads %d -> %d%n",
                    LATENCY_MS, total, TARGET_RATE, sustained, done.get(), failed.get(), latencies[total / 2] / 1e6,
                    latencies[(int) (total * 0.99)] / 1e6, LATENCY_THREADS, threadsBefore, peakThreads);
        } finally {
            ticker.shutdownNow();
            pool.shutdownNow();
        }
    }
}
