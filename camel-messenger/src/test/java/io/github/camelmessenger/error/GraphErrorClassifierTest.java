package io.github.camelmessenger.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GraphErrorClassifierTest {

    @Test
    void specificSubcodeWinsOverItsCode() {
        assertThat(GraphErrorClassifier.classify(400, 10, 2018278, false)).isEqualTo(ErrorCategory.MESSAGING_WINDOW);
        assertThat(GraphErrorClassifier.classify(400, 10, null, false)).isEqualTo(ErrorCategory.PERMISSION);
    }

    @Test
    void aKnownCodeWinsOverTheStatus() {
        assertThat(GraphErrorClassifier.classify(500, 190, null, false)).isEqualTo(ErrorCategory.AUTHENTICATION);
        assertThat(GraphErrorClassifier.classify(400, 1200, null, false)).isEqualTo(ErrorCategory.TRANSIENT);
    }

    @Test
    void isTransientMakesAnErrorOfAnyCodeRetryable() {
        assertThat(GraphErrorClassifier.classify(400, 100, null, true)).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(GraphErrorClassifier.classify(500, 190, null, true)).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(GraphErrorClassifier.classify(400, 10, 2018278, true)).isEqualTo(ErrorCategory.TRANSIENT);
        // already retryable: the more precise category stays
        assertThat(GraphErrorClassifier.classify(400, 613, null, true)).isEqualTo(ErrorCategory.RATE_LIMIT);
    }

    @Test
    void noCodeFallsBackToTheStatus() {
        assertThat(GraphErrorClassifier.classify(429, null, null, false)).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(GraphErrorClassifier.classify(504, null, null, false)).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(GraphErrorClassifier.classify(404, null, null, false)).isEqualTo(ErrorCategory.UNKNOWN);
    }
}
