package io.herald.domain;

import java.time.Duration;

/**
 * A reminder before the deadline: when {@code percent} of the target has passed, or {@code before} the deadline.
 * Exactly one of the two is set.
 */
public record SlaWarning(Integer percent, Duration before) {
}
