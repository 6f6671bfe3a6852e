package io.herald.routing;

import java.time.Duration;

/**
 * A rule's {@code throttle} block: each person gets at most {@code max} of the rule's notifications per
 * {@code period} on each channel; the rest is folded into a digest, announced when the period ends, never dropped.
 *
 * @param digest the template of the digest, which sees what a group's template sees
 */
public record ThrottleSpec(int max, Duration period, String digest) {
}
