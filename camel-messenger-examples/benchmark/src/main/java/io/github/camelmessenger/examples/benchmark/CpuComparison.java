package io.github.camelmessenger.examples.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.camelmessenger.examples.benchmark.Drivers.Measurement;
import io.github.camelmessenger.examples.benchmark.Drivers.Mode;

/**
 * The cost of a send next to the raw client, for blocking callers (16 sender threads: A, B2 and C against B) and for
 * non-blocking ones (16 sends in flight, no sender thread: A and R against B2). Every contender is warmed before any is
 * measured; then the contenders are measured in turn, round after round, each round in another order; a ratio is taken
 * within a round (same minute, same machine state) and reported as the median over the rounds with its range.
 */
final class CpuComparison {

    private static final int CALLERS = 16;

    private CpuComparison() {
    }

    @FunctionalInterface
    interface VariantFactory {

        Variant create() throws Exception;
    }

    /** One contender in one table; {@code reference} names the contender its ratios are taken against. */
    record Contender(String key, Mode mode, String reference, VariantFactory factory) {
    }

    /** A contender's rounds, summarized: medians, and the ratio to its reference per round. */
    record Row(String message, Contender contender, String variant, List<Measurement> rounds, double[] cpuRatios,
            double[] allocationRatios) {

        double median(ToDoubleFunction<Measurement> field) {
            return Stats.median(rounds.stream().mapToDouble(field).toArray());
        }
    }

    static List<Contender> contenders(String baseUrl, boolean template) {
        return List.of(
                new Contender("A", Mode.BLOCKING, "B", () -> Variants.component(baseUrl, template)),
                new Contender("B", Mode.BLOCKING, "B", () -> Variants.rawHttpClient(baseUrl, template)),
                new Contender("B2 blocking", Mode.BLOCKING, "B", () -> Variants.rawAsyncHttpClient(baseUrl, template, 200)),
                new Contender("C", Mode.BLOCKING, "B", () -> Variants.camelHttp(baseUrl, template)),
                new Contender("A async", Mode.ASYNC, "B2", () -> Variants.component(baseUrl, template)),
                new Contender("R", Mode.ASYNC, "B2", () -> Variants.routedRawAsyncHttpClient(baseUrl, template)),
                new Contender("B2", Mode.ASYNC, "B2", () -> Variants.rawAsyncHttpClient(baseUrl, template, 200)));
    }

    static List<Row> run(String baseUrl, boolean template, int warmup, int rounds, int messages) throws Exception {
        String message = template ? "template" : "text";
        List<Contender> contenders = contenders(baseUrl, template);
        // JIT-compile every contender's code before measuring any
        for (Contender contender : contenders) {
            try (Variant variant = contender.factory().create()) {
                Drivers.measure(variant, contender.mode(), CALLERS, warmup);
            }
        }
        Map<String, List<Measurement>> byContender = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        contenders.forEach(c -> byContender.put(c.key(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < contenders.size(); i++) {
                Contender contender = contenders.get((i + round) % contenders.size());
                try (Variant variant = contender.factory().create()) {
                    Drivers.measure(variant, contender.mode(), CALLERS, Math.max(warmup / 4, 1000));
                    System.gc();
                    Measurement measured = Drivers.measure(variant, contender.mode(), CALLERS, messages);
                    byContender.get(contender.key()).add(measured);
                    names.put(contender.key(), variant.name());
                }
            }
            System.out.printf(Locale.ROOT, "  %s: round %d of %d done%n", message, round + 1, rounds);
        }
        List<Row> rows = new ArrayList<>();
        for (Contender contender : contenders) {
            List<Measurement> own = byContender.get(contender.key());
            List<Measurement> reference = byContender.get(contender.reference());
            double[] cpu = new double[own.size()];
            double[] allocation = new double[own.size()];
            for (int r = 0; r < own.size(); r++) {
                cpu[r] = own.get(r).cpuMicrosPerMessage() / reference.get(r).cpuMicrosPerMessage();
                allocation[r] = own.get(r).allocatedKbPerMessage() / reference.get(r).allocatedKbPerMessage();
            }
            String name = switch (contender.key()) {
                case "A async" -> names.get(contender.key()) + " (AsyncProducer)";
                case "B2 blocking" -> names.get(contender.key()) + " (caller waits on the future)";
                default -> names.get(contender.key());
            };
            rows.add(new Row(message, contender, name, own, cpu, allocation));
        }
        return rows;
    }

    static void print(List<Row> rows) {
        for (Mode mode : Mode.values()) {
            System.out.println();
            System.out.println(mode == Mode.BLOCKING
                    ? "blocking callers: " + CALLERS + " sender threads, each waiting for its answer; ratios against B"
                    : "non-blocking callers: " + CALLERS + " sends in flight, no sender thread; ratios against B2");
            System.out.println("| message | variant | msgs/s | CPU µs/msg | CPU ratio: median (range) | alloc KB/msg"
                    + " | alloc ratio | p50 ms | p99 ms |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            for (Row row : rows) {
                if (row.contender().mode() != mode) {
                    continue;
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.1f | %.2fx (%.2f-%.2f) | %.1f | %.2fx | %.2f | %.2f |%n",
                        row.message(), row.variant(), row.median(Measurement::throughput),
                        row.median(Measurement::cpuMicrosPerMessage), Stats.median(row.cpuRatios()),
                        Arrays.stream(row.cpuRatios()).min().orElse(0), Arrays.stream(row.cpuRatios()).max().orElse(0),
                        row.median(Measurement::allocatedKbPerMessage), Stats.median(row.allocationRatios()),
                        row.median(Measurement::p50Millis), row.median(Measurement::p99Millis));
            }
        }
    }
}
