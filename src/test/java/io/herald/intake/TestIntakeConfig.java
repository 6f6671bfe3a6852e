package io.herald.intake;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Intake settings for tests that build intake classes without Quarkus. */
record TestIntakeConfig(Duration replayWindow, int maxEventBytes, int maxBatchEvents, Map<String, Sender> senders)
        implements IntakeConfig {

    static TestIntakeConfig withSender(String id, String secret, String previousSecret, List<String> sources) {
        return new TestIntakeConfig(Duration.ofMinutes(5), 4096, 3,
                Map.of(id, new TestSender(Optional.of(secret), Optional.ofNullable(previousSecret), Optional.ofNullable(sources))));
    }

    record TestSender(Optional<String> secret, Optional<String> previousSecret, Optional<List<String>> sources)
            implements Sender {
    }
}
