package io.herald.slasweep;

/**
 * What one sweep did.
 *
 * @param fired checkpoints fired (one message round and one write-back each)
 * @param collapsed missed checkpoints folded into the ones fired, after downtime
 * @param lost checkpoints another sweep claimed first
 * @param redriven notifications and write-backs woken again because they waited too long
 * @param announced announcements of groups of events stored
 */
public record SweepReport(int fired, int collapsed, int lost, int redriven, int announced) {
}
