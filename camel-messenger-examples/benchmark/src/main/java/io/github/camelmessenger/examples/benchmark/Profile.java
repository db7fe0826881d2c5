package io.github.camelmessenger.examples.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of execution samples and prints where the CPU went: by library (the top frame's package) and
 * by the top methods, over every thread of the client JVM (the sender threads and the HTTP client's I/O threads).
 */
final class Profile {

    private static final List<String[]> LIBRARIES = List.of(
            new String[]{"io.github.camelmessenger.", "camel-messenger"},
            new String[]{"com.fasterxml.jackson.", "Jackson"},
            new String[]{"org.apache.hc.", "HttpClient 5"},
            new String[]{"org.apache.camel.", "Camel"},
            new String[]{"sun.nio.", "JDK sockets"},
            new String[]{"java.net.", "JDK sockets"},
            new String[]{"sun.net.", "JDK sockets"},
            new String[]{"java.", "JDK (other)"},
            new String[]{"jdk.", "JDK (other)"},
            new String[]{"sun.", "JDK (other)"});

    private Profile() {
    }

    static void print(Path recording) throws IOException {
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null
                    || event.getStackTrace().getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            // charge JDK frames (String, collections, locks, sockets) to the library that called them
            RecordedFrame charged = frames.get(0);
            for (RecordedFrame frame : frames) {
                if (!isJdk(frame.getMethod().getType().getName())) {
                    charged = frame;
                    break;
                }
            }
            String type = charged.getMethod().getType().getName();
            byLibrary.merge(library(type), 1, Integer::sum);
            byMethod.merge(type + "." + charged.getMethod().getName(), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String lib = library(frame.getMethod().getType().getName());
                if (seen.add(lib)) {
                    inclusive.merge(lib, 1, Integer::sum);
                }
            }
        }
        Files.deleteIfExists(recording);
        int total = Math.max(samples, 1);
        System.out.printf("%nprofile of A (text, 16 sender threads), %d JFR execution samples of every thread:%n", samples);
        System.out.println("| library | self (JDK frames charged to their caller) | inclusive (on the stack) |");
        System.out.println("|---|---|---|");
        byLibrary.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.0f%% | %.0f%% |%n", e.getKey(),
                        100.0 * e.getValue() / total,
                        100.0 * inclusive.getOrDefault(e.getKey(), 0) / total));
        System.out.println("top methods (self, JDK frames charged to their caller):");
        byMethod.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.");
    }

    private static String library(String type) {
        for (String[] library : LIBRARIES) {
            if (type.startsWith(library[0])) {
                return library[1];
            }
        }
        return "other";
    }
}
