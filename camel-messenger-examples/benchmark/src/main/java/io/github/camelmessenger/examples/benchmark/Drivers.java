package io.github.camelmessenger.examples.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

/**
 * Drives a contender through a closed loop of sends and measures it: {@link #blocking} with sender threads that each
 * wait for their answer, {@link #async} with a fixed number of sends in flight and no sender thread at all. CPU is the
 * whole process's (I/O threads, JIT and GC count too); allocation is every thread's.
 */
final class Drivers {

    static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Drivers() {
    }

    /** What one measured run came to. */
    record Measurement(String variant, int messages, double seconds, double cpuMicrosPerMessage,
            double allocatedKbPerMessage, double p50Millis, double p99Millis) {

        double throughput() {
            return messages / seconds;
        }
    }

    /** How a contender is driven. */
    enum Mode {
        BLOCKING, ASYNC
    }

    static Measurement measure(Variant variant, Mode mode, int callers, int count) throws Exception {
        // the sender threads are started before and stopped after the measurement, so that what they allocated counts
        ExecutorService senders = mode == Mode.BLOCKING ? Executors.newFixedThreadPool(callers) : null;
        try {
            if (mode == Mode.BLOCKING) {
                blocking(variant, senders, callers, Math.min(count, callers * 10));
            }
            Map<Long, Long> allocatedBefore = allocatedByThread();
            long cpuBefore = OS.getProcessCpuTime();
            long start = System.nanoTime();
            long[] latencies = mode == Mode.BLOCKING
                    ? blocking(variant, senders, callers, count)
                    : async(variant, callers, count);
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = OS.getProcessCpuTime() - cpuBefore;
            long allocated = allocatedSince(allocatedBefore);
            return measurement(variant, count, seconds, cpu, allocated, latencies);
        } finally {
            if (senders != null) {
                senders.shutdown();
            }
        }
    }

    private static Measurement measurement(Variant variant, int count, double seconds, long cpu, long allocated,
            long[] latencies) {
        Arrays.sort(latencies);
        return new Measurement(variant.name(), count, seconds, cpu / 1e3 / count, allocated / 1024.0 / count,
                latencies[count / 2] / 1e6, latencies[(int) (count * 0.99)] / 1e6);
    }

    /** {@code count} sends from {@code threads} threads, each waiting for its answer; returns each send's latency. */
    static long[] blocking(Variant variant, int threads, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            return blocking(variant, pool, threads, count);
        } finally {
            pool.shutdown();
        }
    }

    private static long[] blocking(Variant variant, ExecutorService pool, int threads, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[count];
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    check(variant.send("psid-" + (i % 1000)));
                    latencies[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        return latencies;
    }

    /**
     * {@code count} sends with {@code inFlight} of them in flight at any time, no thread waiting: each answer starts the
     * next send on the thread that delivered it. Returns each send's latency.
     */
    static long[] async(Variant variant, int inFlight, int count) throws Exception {
        AsyncLoop loop = new AsyncLoop(variant, count);
        for (int i = 0; i < inFlight; i++) {
            loop.next();
        }
        if (!loop.done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("sends did not complete");
        }
        if (loop.failure.get() != null) {
            throw new IllegalStateException(loop.failure.get());
        }
        return loop.latencies;
    }

    private static final class AsyncLoop {

        private final Variant variant;
        private final int count;
        private final long[] latencies;
        private final AtomicInteger issued = new AtomicInteger();
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        AsyncLoop(Variant variant, int count) {
            this.variant = variant;
            this.count = count;
            this.latencies = new long[count];
            this.done = new CountDownLatch(count);
        }

        void next() {
            int i = issued.getAndIncrement();
            if (i >= count) {
                return;
            }
            long t0 = System.nanoTime();
            CompletableFuture<String> sent = variant.sendAsync("psid-" + (i % 1000));
            sent.whenComplete((mid, error) -> {
                latencies[i] = System.nanoTime() - t0;
                try {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        check(mid);
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
                done.countDown();
                next();
            });
        }
    }

    private static void check(String messageId) {
        if (messageId == null || messageId.isEmpty()) {
            throw new IllegalStateException("no message_id");
        }
    }

    private static Map<Long, Long> allocatedByThread() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byThread.put(ids[i], bytes[i]);
        }
        return byThread;
    }

    /** What every thread alive now allocated since {@code before} (a thread born since counts from zero). */
    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
            if (now.getValue() > 0) {
                total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
            }
        }
        return total;
    }
}
