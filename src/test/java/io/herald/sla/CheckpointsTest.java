package io.herald.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.Channel;
import io.herald.domain.SlaPolicy;
import io.herald.domain.SlaTier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void checkpointsComeInTimeOrderWithWarningsBreachAndTiers() {
        List<Checkpoint> all = Checkpoints.of(TestPolicies.fourHours(), Duration.ofHours(4));

        assertThat(all).extracting(Checkpoint::label).containsExactly("50%-used", "75%-used", "30m-left",
                "due-passed", "tier-1", "tier-1-repeat-1", "tier-1-repeat-2", "tier-2", "tier-3");
        assertThat(all).extracting(Checkpoint::at).containsExactly(Duration.ofHours(2), Duration.ofHours(3),
                Duration.ofMinutes(210), Duration.ofHours(4), Duration.ofMinutes(270), Duration.ofMinutes(280),
                Duration.ofMinutes(290), Duration.ofHours(5), Duration.ofHours(6));
        assertThat(all).extracting(Checkpoint::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(all.get(7).to()).containsExactly("managers");
        assertThat(all.get(7).kind()).isEqualTo(Checkpoint.ESCALATION);
        assertThat(all.get(3).kind()).isEqualTo(Checkpoint.BREACH);
    }

    @Test
    void repeatsStopWhereTheNextTierBegins() {
        SlaPolicy policy = new SlaPolicy("p", 1, Duration.ofHours(1), null, List.of(),
                List.of(new SlaTier(1, Duration.ZERO, List.of("assignees"), Duration.ofMinutes(20), 10),
                        new SlaTier(2, Duration.ofHours(1), List.of("managers"), null, 0)),
                List.of(Channel.EMAIL), "sla-escalation");

        assertThat(Checkpoints.of(policy, policy.target())).extracting(Checkpoint::label).containsExactly(
                "due-passed", "tier-1", "tier-1-repeat-1", "tier-1-repeat-2", "tier-2");
    }

    @Test
    void aLeadTimeLongerThanTheTargetGivesNoWarning() {
        List<Checkpoint> all = Checkpoints.of(TestPolicies.fourHours(), Duration.ofMinutes(20));

        assertThat(all).extracting(Checkpoint::label).doesNotContain("30m-left").contains("50%-used");
    }

    @Test
    void aTargetTakenFromTheEventScalesThePercentages() {
        List<Checkpoint> all = Checkpoints.of(TestPolicies.fourHours(), Duration.ofHours(8));

        assertThat(all.get(0).at()).isEqualTo(Duration.ofHours(4));
        assertThat(all.get(1).at()).isEqualTo(Duration.ofHours(6));
    }
}
