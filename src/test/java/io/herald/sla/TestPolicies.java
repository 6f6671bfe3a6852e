package io.herald.sla;

import io.herald.domain.Channel;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import io.herald.domain.SlaWarning;
import java.time.Duration;
import java.util.List;

/** Policies for tests of the clock arithmetic, round the clock so that times are easy to read. */
final class TestPolicies {

    private TestPolicies() {
    }

    /** 4h target; warnings at 50%, 75% and 30m left; tiers after 30m (repeat every 10m, twice), 1h and 2h. */
    static SlaPolicy fourHours() {
        return new SlaPolicy("case-response", 3, Duration.ofHours(4), null,
                List.of(new SlaWarning(50, null), new SlaWarning(75, null), new SlaWarning(null, Duration.ofMinutes(30))),
                List.of(new SlaTier(1, Duration.ofMinutes(30), List.of("assignees"), Duration.ofMinutes(10), 2),
                        new SlaTier(2, Duration.ofHours(1), List.of("managers"), null, 0),
                        new SlaTier(3, Duration.ofHours(2), List.of("alternates", "group:ops"), null, 0)),
                List.of(Channel.EMAIL), "sla-escalation");
    }
}
