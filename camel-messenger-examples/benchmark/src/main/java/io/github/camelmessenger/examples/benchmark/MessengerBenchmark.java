package io.github.camelmessenger.examples.benchmark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jdk.jfr.Recording;

/**
 * The benchmark of docs/performance.md, in one run on one machine, against the Graph API simulator in a JVM of its own:
 * messenger:send (A) against Apache HttpClient 5's classic (B) and async (B2) clients with Jackson, and camel-http +
 * camel-jackson (C); then the runs that need a non-blocking producer: thousands in flight, a steady rate from one
 * consumer thread, many Pages; then the heap over a long run and a profile. {@code -Dbenchmark.quick=true} is the short
 * smoke run of CI.
 */
public final class MessengerBenchmark {

    private static final boolean QUICK = Boolean.getBoolean("benchmark.quick");
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", QUICK ? 2_000 : 20_000);
    private static final int MEASURED = Integer.getInteger("benchmark.messages", QUICK ? 3_000 : 40_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", QUICK ? 1 : 7);
    private static final int LONG_RUN = Integer.getInteger("benchmark.longRun", QUICK ? 10_000 : 1_000_000);
    private static final int IN_FLIGHT = 3_000;
    private static final int IN_FLIGHT_LATENCY_MS = 1_000;
    private static final int SUSTAINED_LATENCY_MS = 200;
    private static final int SUSTAINED_RATE = 300;
    private static final int SUSTAINED_WARMUP_SECONDS = QUICK ? 2 : 10;
    private static final int SUSTAINED_SECONDS = QUICK ? 3 : 60;
    private static final int PAGES = 1_000;

    private MessengerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("camel-messenger benchmark (%s): %d cores, Java %s, %s; %d warm-up messages per contender,"
                + " then %d interleaved rounds of %d measured messages each; medians reported%n",
                QUICK ? "quick smoke run" : "full run", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.arch"), WARMUP, ROUNDS, MEASURED);
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"), SimulatorServer.class.getName(), "0",
                String.valueOf(SUSTAINED_LATENCY_MS), String.valueOf(IN_FLIGHT_LATENCY_MS), "0:" + PAGES)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String[] ports = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))
                    .readLine().split(" ");
            String fast = "http://127.0.0.1:" + ports[1];
            String sustained = "http://127.0.0.1:" + ports[2];
            String slow = "http://127.0.0.1:" + ports[3];
            String pages = "http://127.0.0.1:" + ports[4];
            List<CpuComparison.Row> rows = new ArrayList<>();
            for (boolean template : new boolean[]{false, true}) {
                rows.addAll(CpuComparison.run(fast, template, WARMUP, ROUNDS, MEASURED));
            }
            CpuComparison.print(rows);
            ScaleRuns.inFlight(slow, IN_FLIGHT_LATENCY_MS, IN_FLIGHT);
            ScaleRuns.sustained(sustained, SUSTAINED_LATENCY_MS, SUSTAINED_RATE, SUSTAINED_WARMUP_SECONDS, SUSTAINED_SECONDS);
            ScaleRuns.manyPages(pages, PAGES);
            ScaleRuns.heapAfterManySends(fast, WARMUP, LONG_RUN);
            Profile.print(profileComponent(fast));
        } finally {
            simulator.getOutputStream().close();
            simulator.waitFor(10, TimeUnit.SECONDS);
            simulator.destroyForcibly();
        }
    }

    /** A JFR execution-sample profile of A sending text from 16 threads, to show what the remaining cost is. */
    private static Path profileComponent(String baseUrl) throws Exception {
        Path file = Files.createTempFile("messenger-benchmark", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(5));
            try (Variant a = Variants.component(baseUrl, false)) {
                Drivers.blocking(a, 16, WARMUP / 2);
                recording.start();
                Drivers.blocking(a, 16, Math.max(MEASURED, 20_000));
                recording.stop();
            }
            recording.dump(file);
        }
        return file;
    }
}
