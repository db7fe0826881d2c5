package io.github.camelmessenger;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmessenger.error.MessengerApiException;
import io.github.camelmessenger.error.MessengerValidationException;
import io.github.camelmessenger.simulator.Fault;
import io.github.camelmessenger.simulator.MessengerSimulator;
import org.apache.camel.AsyncProducer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async contract: every path of the producer (validation error, transport error, Graph error, success, timeout,
 * cancellation when the component stops) ends in exactly one callback.done. The producer is driven directly, with a
 * counting callback per exchange, under injected faults and then under a stop with calls in flight.
 */
class AsyncCallbackTest {

    private static final String TOKEN = "async-token";
    private static final String PAGE = MessengerSimulator.DEFAULT_PAGE_ID;

    private MessengerSimulator simulator;
    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        simulator = MessengerSimulator.start(TOKEN).recording(false);
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        simulator.close();
    }

    /** One exchange and how often its callback was called. */
    private record Call(Exchange exchange, AtomicInteger callbacks, CountDownLatch done) {
    }

    private Call send(AsyncProducer producer, Object body, Map<String, Object> headers, List<Boolean> synchronous) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        exchange.getMessage().setHeaders(new HashMap<>(headers));
        AtomicInteger callbacks = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        boolean sync = producer.process(exchange, doneSync -> {
            callbacks.incrementAndGet();
            done.countDown();
        });
        synchronous.add(sync);
        return new Call(exchange, callbacks, done);
    }

    @Test
    @Timeout(60)
    void everyPathEndsInExactlyOneCallbackUnderFaults() throws Exception {
        simulator.latency(Duration.ofMillis(20)).randomFaults(0.5, 42, List.of(
                Fault.graphError(400, 100, 2018001, "(#100) No matching user found"),
                Fault.transientError(1200, "(#1200) Temporary send message failure"),
                Fault.rateLimited(1), Fault.httpStatus(503), Fault.connectionReset(), Fault.responseLost(),
                Fault.delay(Duration.ofMillis(1500))));
        AsyncProducer producer = context.getEndpoint("messenger:send?recipientId=1&responseTimeout=1s&accessToken=" + TOKEN
                + "&baseUrl=" + simulator.baseUrl()).createAsyncProducer();
        producer.start();
        List<Call> calls = new ArrayList<>();
        List<Boolean> synchronous = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Map<String, Object> headers = switch (i % 10) {
                case 7 -> Map.of(MessengerConstants.PAGE_ID, "9999"); // no token: refused at once
                case 8 -> Map.of(MessengerConstants.TAG, "HUMAN_AGENT"); // a rule broken: refused at once
                default -> Map.of();
            };
            calls.add(send(producer, i % 10 == 9 ? "" : "message " + i, headers, synchronous));
        }

        for (Call call : calls) {
            assertThat(call.done().await(30, TimeUnit.SECONDS)).as("a callback for every exchange").isTrue();
        }
        Thread.sleep(300); // a second callback, if any, would have come by now
        assertThat(calls).allSatisfy(call -> assertThat(call.callbacks()).as("callbacks of one exchange").hasValue(1));
        assertThat(synchronous).as("the calling thread was released while the Graph API answered").contains(false);
        assertThat(calls.stream().map(c -> outcome(c.exchange())).distinct().toList())
                .contains("success", "validation", "graph error", "transport", "timeout");
        producer.stop();
    }

    @Test
    @Timeout(60)
    void aBurstLargerThanThePoolWaitsForConnectionsInsteadOfFailing() throws Exception {
        simulator.latency(Duration.ofMillis(300));
        // 2 connections, 20 calls of 300 ms: the last ones wait ~3 s for a connection, far past connectTimeout
        List<Call> calls = sendAllAtOnce("&maxConnections=2&connectTimeout=200ms&responseTimeout=20s", 20);

        assertThat(calls).allSatisfy(call -> assertThat(outcome(call.exchange())).isEqualTo("success"));
        assertThat(simulator.deliveredCount()).isEqualTo(20);
    }

    @Test
    @Timeout(60)
    void moreCallsInFlightThanCamelsDefaultTaskQueueHoldsAllSucceed() throws Exception {
        simulator.latency(Duration.ofMillis(500));
        List<Call> calls = sendAllAtOnce("&maxConnections=1500", 1500);

        assertThat(calls).allSatisfy(call -> assertThat(call.exchange().getException()).isNull());
        assertThat(simulator.deliveredCount()).isEqualTo(1500);
    }

    /** {@code count} sends started at once through one producer with these options; returns them once all are done. */
    private List<Call> sendAllAtOnce(String options, int count) throws Exception {
        AsyncProducer producer = context.getEndpoint("messenger:send?recipientId=1&accessToken=" + TOKEN + "&baseUrl="
                + simulator.baseUrl() + options).createAsyncProducer();
        producer.start();
        List<Call> calls = new ArrayList<>();
        List<Boolean> synchronous = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(send(producer, "message " + i, Map.of(), synchronous));
        }
        for (Call call : calls) {
            assertThat(call.done().await(30, TimeUnit.SECONDS)).as("a callback for every exchange").isTrue();
        }
        assertThat(calls).allSatisfy(call -> assertThat(call.callbacks()).hasValue(1));
        assertThat(synchronous).as("the calling thread was released while the Graph API answered").containsOnly(false);
        producer.stop();
        return calls;
    }

    @Test
    @Timeout(60)
    void callsInFlightWhenTheComponentStopsCompleteEachWithExactlyOneCallback() throws Exception {
        simulator.latency(Duration.ofSeconds(2));
        AsyncProducer producer = context.getEndpoint("messenger:send?recipientId=1&accessToken=" + TOKEN + "&baseUrl="
                + simulator.baseUrl()).createAsyncProducer();
        producer.start();
        List<Call> calls = new ArrayList<>();
        List<Boolean> synchronous = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(send(producer, "in flight " + i, Map.of(), synchronous));
        }
        assertThat(synchronous).containsOnly(false);

        // stopping closes the connection pool gracefully: a call already sent is answered (or times out), one still
        // connecting is cancelled and fails; none is lost, none is reported sent that was not
        context.getComponent("messenger").stop();

        for (Call call : calls) {
            assertThat(call.done().await(20, TimeUnit.SECONDS)).as("no exchange hangs when the component stops").isTrue();
        }
        Thread.sleep(300);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.callbacks()).hasValue(1);
            assertThat(call.exchange().getException()).satisfiesAnyOf(e -> assertThat(e).isNull(),
                    e -> assertThat(e).isInstanceOf(IOException.class));
        });
        long succeeded = calls.stream().filter(call -> call.exchange().getException() == null).count();
        assertThat(succeeded).as("sent in flight and answered").isPositive().isEqualTo(simulator.deliveredCount());
    }

    @Test
    @Timeout(60)
    void callsInFlightThatOutliveTheirDeadlineWhileTheComponentStopsFailEachWithExactlyOneCallback() throws Exception {
        simulator.latency(Duration.ofSeconds(30));
        AsyncProducer producer = context.getEndpoint("messenger:send?recipientId=1&responseTimeout=1s&accessToken=" + TOKEN
                + "&baseUrl=" + simulator.baseUrl()).createAsyncProducer();
        producer.start();
        List<Call> calls = new ArrayList<>();
        List<Boolean> synchronous = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(send(producer, "never answered " + i, Map.of(), synchronous));
        }

        context.getComponent("messenger").stop();

        for (Call call : calls) {
            assertThat(call.done().await(20, TimeUnit.SECONDS)).as("no exchange hangs when the component stops").isTrue();
        }
        Thread.sleep(300);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.callbacks()).hasValue(1);
            assertThat(call.exchange().getException()).isInstanceOf(IOException.class);
        });
    }

    private static String outcome(Exchange exchange) {
        Exception e = exchange.getException();
        if (e == null) {
            return "success";
        }
        if (e instanceof MessengerValidationException) {
            return "validation";
        }
        if (e instanceof MessengerApiException) {
            return "graph error";
        }
        return e instanceof SocketTimeoutException ? "timeout" : "transport";
    }
}
