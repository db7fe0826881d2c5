package io.github.camelmessenger.examples.benchmark;

import java.io.IOException;
import java.time.Duration;

import io.github.camelmessenger.simulator.MessengerSimulator;

/**
 * The Graph API simulator as a process of its own, so that a benchmark does not count its cost as the client's. Starts
 * one simulator per latency given (milliseconds), prints {@code PORTS p1 p2 ...} and runs until its standard input
 * closes (the benchmark exits, the simulator follows). Requests are counted, not recorded.
 */
public final class SimulatorServer {

    static final String TOKEN = "benchmark-token";

    private SimulatorServer() {
    }

    public static void main(String[] args) throws IOException {
        MessengerSimulator[] simulators = new MessengerSimulator[args.length];
        StringBuilder ports = new StringBuilder("PORTS");
        for (int i = 0; i < args.length; i++) {
            simulators[i] = MessengerSimulator.startOnPort(TOKEN, 0).recording(false)
                    .latency(Duration.ofMillis(Long.parseLong(args[i])));
            ports.append(' ').append(simulators[i].baseUrl().substring(simulators[i].baseUrl().lastIndexOf(':') + 1));
        }
        System.out.println(ports);
        System.out.flush();
        while (System.in.read() >= 0) {
            // block until the parent closes our stdin
        }
        for (MessengerSimulator simulator : simulators) {
            simulator.close();
        }
    }
}
