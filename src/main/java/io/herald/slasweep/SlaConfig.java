package io.herald.slasweep;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "herald.sla.sweep")
public interface SlaConfig {

    /** Tasks looked at per page; a sweep reads pages until no due check is left or {@link #maxPages} is reached. */
    @WithDefault("200")
    int batch();

    @WithDefault("20")
    int maxPages();

    /**
     * How long a claimed checkpoint may wait for its messages and write-back to be stored before another sweep
     * completes them (its sweep died); longer than a sweep takes for one task.
     */
    @WithDefault("PT2M")
    Duration retryAfter();

    /**
     * How long a claimed checkpoint may keep failing before it is given up: an integration-failure alert, and the
     * clock goes on to its next checkpoint.
     */
    @WithDefault("PT1H")
    Duration giveUpAfter();

    /**
     * How long notifications, write-backs and events may be overdue before the sweep wakes them again: their
     * wake-up call was lost. Longer than a queue normally takes to deliver, so live work is not woken twice.
     */
    @WithDefault("PT2M")
    Duration stuckAfter();
}
