package io.github.camelmessenger.examples.benchmark;

import java.io.IOException;
import java.time.Duration;

import io.github.camelmessenger.simulator.MessengerSimulator;

/**
 * The Graph API simulator as a process of its own, so that a benchmark does not count its cost as the client's. Starts
 * one simulator per argument, {@code LATENCY_MS} (one Page, {@link #TOKEN}) or {@code LATENCY_MS:PAGES} (that many Pages,
 * {@link #pageId(int)} with {@link #pageToken(int)}, and {@code appsecret_proof} required), prints
 * {@code PORTS p1 p2 ...} and runs until its standard input closes (the benchmark exits, the simulator follows).
 * Requests are counted, not recorded.
 */
public final class SimulatorServer {

    static final String TOKEN = "benchmark-token";
    static final String APP_SECRET = "benchmark-app-secret";

    private SimulatorServer() {
    }

    static String pageId(int page) {
        return String.valueOf(900_000_000_000L + page);
    }

    static String pageToken(int page) {
        return "benchmark-page-token-" + page;
    }

    public static void main(String[] args) throws IOException {
        MessengerSimulator[] simulators = new MessengerSimulator[args.length];
        StringBuilder ports = new StringBuilder("PORTS");
        for (int i = 0; i < args.length; i++) {
            String[] spec = args[i].split(":");
            MessengerSimulator.Builder builder = MessengerSimulator.builder();
            if (spec.length == 1) {
                builder.page(MessengerSimulator.DEFAULT_PAGE_ID, TOKEN);
            } else {
                for (int page = 0; page < Integer.parseInt(spec[1]); page++) {
                    builder.page(pageId(page), pageToken(page));
                }
                builder.appSecret(APP_SECRET);
            }
            simulators[i] = builder.start().recording(false).latency(Duration.ofMillis(Long.parseLong(spec[0])));
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
