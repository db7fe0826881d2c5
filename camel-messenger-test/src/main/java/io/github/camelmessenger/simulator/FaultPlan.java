package io.github.camelmessenger.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which fault the next request gets: the next queued one, else (when random faults are on) one drawn from a seeded
 * sequence, else none; and the latency every answer waits first.
 */
final class FaultPlan {

    /** Faults drawn at random (seeded, so that a run can be replayed) for requests with no queued fault. */
    private record RandomFaults(double probability, Random random, List<Fault> mix) {

        synchronized Fault draw() {
            return random.nextDouble() < probability ? mix.get(random.nextInt(mix.size())) : null;
        }
    }

    private final ConcurrentLinkedQueue<Fault> queued = new ConcurrentLinkedQueue<>();
    private volatile RandomFaults random;
    private volatile long latencyMillis;

    void enqueue(Fault... faults) {
        Collections.addAll(queued, faults);
    }

    void random(double probability, long seed, List<Fault> mix) {
        this.random = new RandomFaults(probability, new Random(seed), List.copyOf(mix));
    }

    void latency(Duration latency) {
        this.latencyMillis = latency.toMillis();
    }

    long latencyMillis() {
        return latencyMillis;
    }

    /** The fault for the next request, or null. */
    Fault next() {
        Fault fault = queued.poll();
        RandomFaults draw = random;
        return fault == null && draw != null ? draw.draw() : fault;
    }

    void reset() {
        queued.clear();
        random = null;
        latencyMillis = 0;
    }
}
