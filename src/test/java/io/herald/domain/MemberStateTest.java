package io.herald.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A page member's state follows its page until the provider reports on the member; reports end in a final state. */
class MemberStateTest {

    @ParameterizedTest
    @EnumSource(AnnouncementPageStatus.class)
    void everyPageStatusIsAMemberStateOfTheSameName(AnnouncementPageStatus status) {
        assertThat(MemberState.of(status).name()).isEqualTo(status.name());
    }

    @Test
    void onlyAPageNotYetSentOrAReportStillAwaitedLeavesAMemberOpen() {
        assertThat(MemberState.values()).filteredOn(state -> !state.isFinal())
                .containsExactly(MemberState.PENDING, MemberState.SENDING, MemberState.SENT);
    }

    @Test
    void statesAreNamedInLowerCaseAndReadInAnyCase() {
        assertThat(MemberState.FAILED.id()).isEqualTo("failed");
        assertThat(MemberState.named(" Delivered ")).contains(MemberState.DELIVERED);
        assertThat(MemberState.named("bounced")).isEmpty();
    }

    @Test
    void aReportKeepsTheInstantToTheMicrosecondAndABoundedReason() {
        PageMember member = new PageMember("dave", "dave@example.com", "SENT")
                .reported(MemberState.FAILED, "x".repeat(500), Instant.parse("2026-03-01T10:15:30.123456789Z"));

        assertThat(member.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
        assertThat(member.reason()).hasSize(PageMember.MAX_REASON);
        assertThat(member.memberState()).isEqualTo(MemberState.FAILED);
    }
}
