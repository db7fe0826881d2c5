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
    void aKnownCodeWinsOverIsTransientAndStatus() {
        assertThat(GraphErrorClassifier.classify(500, 190, null, true)).isEqualTo(ErrorCategory.AUTHENTICATION);
    }

    @Test
    void noCodeFallsBackToTheStatus() {
        assertThat(GraphErrorClassifier.classify(429, null, null, false)).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(GraphErrorClassifier.classify(504, null, null, false)).isEqualTo(ErrorCategory.TRANSIENT);
        assertThat(GraphErrorClassifier.classify(404, null, null, false)).isEqualTo(ErrorCategory.UNKNOWN);
    }
}
