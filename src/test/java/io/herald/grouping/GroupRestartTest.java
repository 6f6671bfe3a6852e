package io.herald.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.AlertGroup;
import io.herald.slasweep.SlaSweep;
import io.herald.store.GroupStore;
import io.herald.support.Herald;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Groups a dead process left in the store are announced after a restart, exactly once each: one that was still
 * waiting, and one whose announcement was stored but not sent (a crash between store and send).
 */
@QuarkusTest
@TestProfile(GroupRestartTest.AfterACrash.class)
class GroupRestartTest {

    public static class AfterACrash implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LeftoverGroups.class));
        }
    }

    @Inject
    SlaSweep sweep;

    @Inject
    GroupStore groups;

    @Test
    void aRestartWhileGroupsWaitStillAnnouncesEachExactlyOnce() {
        sweep.sweep();
        Herald.awaitIdle();
        sweep.sweep();
        Herald.awaitIdle();

        List<Map<String, Object>> waiting = Herald.submissionsFor(LeftoverGroups.WAITING + "/1");
        assertThat(waiting).singleElement().extracting(s -> s.get("subject"))
                .isEqualTo("[Integration failures] 3 in " + LeftoverGroups.WAITING_SYSTEM + " / EDI-422");
        List<Map<String, Object>> midFlush = Herald.submissionsFor(LeftoverGroups.MID_FLUSH + "/1");
        assertThat(midFlush).singleElement().extracting(s -> s.get("subject"))
                .isEqualTo("[Integration failures] 2 in " + LeftoverGroups.MID_FLUSH_SYSTEM + " / EDI-422");
        assertThat(Herald.submissionsFor(LeftoverGroups.WAITING + "/2")).isEmpty();
        assertThat(Herald.submissionsFor(LeftoverGroups.MID_FLUSH + "/2")).isEmpty();

        for (String id : List.of(LeftoverGroups.WAITING, LeftoverGroups.MID_FLUSH)) {
            AlertGroup group = groups.findGroup(id).orElseThrow();
            assertThat(group.announcing()).as(id + " claim cleared").isFalse();
            assertThat(group.nextFlushAt()).as(id + " nothing left to announce").isNull();
            assertThat(group.flushes()).as(id).isEqualTo(1);
        }
    }
}
