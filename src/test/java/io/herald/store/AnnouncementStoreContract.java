package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.domain.AnnouncementIds;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.Channel;
import io.herald.domain.MemberState;
import io.herald.domain.PageMember;
import io.herald.domain.Priority;
import io.herald.support.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnnouncementStore} promises, one test per promise. An implementation's test extends this class
 * and hands out an empty store for each test.
 */
public abstract class AnnouncementStoreContract {

    /** Microsecond precision: what every store keeps. */
    protected static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    private static final String ANNOUNCEMENT = AnnouncementIds.of("company-announcements",
            "/xconnector/intranet/announcements", "announcement/ANN-1");
    private static final int THREADS = 8;

    protected AnnouncementStore store;

    /** A store holding nothing, not shared with any other test. */
    protected abstract AnnouncementStore emptyStore() throws Exception;

    @BeforeEach
    void startEmpty() throws Exception {
        store = emptyStore();
    }

    @Test
    void insertedPageIsReadBackUnchanged() {
        AnnouncementPage page = page(1, T0.plusSeconds(30));

        assertThat(store.insertPage(page)).isTrue();

        assertThat(store.findPage(page.id())).contains(page);
    }

    @Test
    void pageWithEveryFieldSetIsReadBackUnchanged() {
        AnnouncementPage dead = page(1, T0).claimed(T0.plusSeconds(60), T0).dead("HTTP 400", "refused: bad address",
                T0.plusSeconds(1));

        store.insertPage(dead);

        assertThat(store.findPage(dead.id())).contains(dead);
        assertThat(dead.owesAlert()).isTrue();
        assertThat(dead.members()).extracting(PageMember::state).containsOnly("DEAD");
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        AnnouncementPage fine = page(1, T0.plusNanos(999));

        store.insertPage(fine);

        assertThat(store.findPage(fine.id())).get().extracting(AnnouncementPage::nextAttemptAt).isEqualTo(T0);
    }

    @Test
    void unknownPageIsAbsent() {
        assertThat(store.findPage(AnnouncementIds.page(ANNOUNCEMENT, 1))).isEmpty();
    }

    @Test
    void secondInsertOfTheSamePageIsRefusedAndChangesNothing() {
        AnnouncementPage first = page(1, T0);
        store.insertPage(first);

        assertThat(store.insertPage(first.sent("job-1", T0))).isFalse();

        assertThat(store.findPage(first.id())).contains(first);
    }

    @Test
    void updateOnTheVersionReadIsStoredWithTheNextVersion() {
        AnnouncementPage page = page(1, T0);
        store.insertPage(page);

        AnnouncementPage claimed = store.updatePage(page.claimed(T0.plusSeconds(60), T0)).orElseThrow();

        assertThat(claimed.version()).isEqualTo(1);
        assertThat(store.findPage(page.id())).contains(claimed);
        assertThat(claimed.status()).isEqualTo(AnnouncementPageStatus.SENDING);
        assertThat(claimed.attempts()).isEqualTo(1);
    }

    @Test
    void updateOnAStaleVersionIsRefusedAndChangesNothing() {
        AnnouncementPage page = page(1, T0);
        store.insertPage(page);
        AnnouncementPage claimed = store.updatePage(page.claimed(T0.plusSeconds(60), T0)).orElseThrow();

        assertThat(store.updatePage(page.dropped(AnnouncementPageStatus.WITHDRAWN, T0))).isEmpty();

        assertThat(store.findPage(page.id())).contains(claimed);
    }

    @Test
    void updateOfAMissingPageIsRefused() {
        assertThat(store.updatePage(page(1, T0))).isEmpty();
        assertThat(store.findPage(page(1, T0).id())).isEmpty();
    }

    @Test
    void ofConcurrentClaimsOfOnePageOneWins() throws Exception {
        AnnouncementPage page = page(1, T0);
        store.insertPage(page);

        List<Boolean> won = Race.run(THREADS, thread -> store.updatePage(page.claimed(T0.plusSeconds(60), T0))
                .isPresent());

        assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(store.findPage(page.id())).get().extracting(AnnouncementPage::attempts).isEqualTo(1);
    }

    @Test
    void pagesOfAnAnnouncementComeInPageOrderFromTheOneAskedFor() {
        for (int number : List.of(3, 1, 4, 2, 5)) {
            store.insertPage(page(number, T0));
        }
        store.insertPage(other(1));

        assertThat(store.pagesOf(ANNOUNCEMENT, 1, 10)).extracting(AnnouncementPage::number)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(store.pagesOf(ANNOUNCEMENT, 2, 2)).extracting(AnnouncementPage::number).containsExactly(2, 3);
        assertThat(store.pagesOf(ANNOUNCEMENT, 6, 10)).isEmpty();
        assertThat(store.pagesOf("unknown", 1, 10)).isEmpty();
    }

    @Test
    void duePagesAreThoseWhoseNextAttemptHasComeEarliestFirst() {
        store.insertPage(page(1, T0.plusSeconds(20)));
        store.insertPage(page(2, T0.plusSeconds(10)));
        store.insertPage(page(3, T0.plusSeconds(30)));
        store.insertPage(page(4, T0.plusSeconds(31)));
        store.insertPage(page(5, T0).sent("job-5", T0));

        assertThat(store.duePages(T0.plusSeconds(30), 10)).extracting(AnnouncementPage::number)
                .containsExactly(2, 1, 3);
    }

    @Test
    void duePagesStopAtTheLimit() {
        IntStream.rangeClosed(1, 5).forEach(n -> store.insertPage(page(n, T0.plusSeconds(n))));

        assertThat(store.duePages(T0.plusSeconds(60), 2)).extracting(AnnouncementPage::number).containsExactly(1, 2);
    }

    @Test
    void finishedPagesLeaveTheDuePages() {
        AnnouncementPage page = page(1, T0);
        store.insertPage(page);
        store.insertPage(page(2, T0));
        store.insertPage(page(3, T0));
        AnnouncementPage claimed = store.updatePage(page.claimed(T0.plusSeconds(60), T0)).orElseThrow();
        store.updatePage(claimed.sent("job-1", T0.plusSeconds(1)));
        store.updatePage(page(2, T0).dropped(AnnouncementPageStatus.WITHDRAWN, T0));
        store.updatePage(page(3, T0).dropped(AnnouncementPageStatus.EXPIRED, T0));

        assertThat(store.duePages(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void sentPagesAwaitingDeliveryStatusAreFoundFromTheirSendingTimeOldestFirst() {
        storedSent(1, T0.plusSeconds(20));
        storedSent(2, T0.plusSeconds(10));
        storedSent(3, T0.minusSeconds(1));
        store.insertPage(page(4, T0));
        store.insertPage(page(5, T0).dropped(AnnouncementPageStatus.WITHDRAWN, T0.plusSeconds(5)));

        assertThat(store.awaitingDeliveryStatus(T0, 10)).extracting(AnnouncementPage::number)
                .containsExactly(2, 1);
        assertThat(store.awaitingDeliveryStatus(T0.plusSeconds(10), 10)).extracting(AnnouncementPage::number)
                .containsExactly(2, 1);
        assertThat(store.awaitingDeliveryStatus(T0.plusSeconds(21), 10)).isEmpty();
    }

    @Test
    void sentPagesAwaitingDeliveryStatusStopAtTheLimit() {
        IntStream.rangeClosed(1, 4).forEach(n -> storedSent(n, T0.plusSeconds(n)));

        assertThat(store.awaitingDeliveryStatus(T0, 3)).extracting(AnnouncementPage::number)
                .containsExactly(1, 2, 3);
    }

    @Test
    void aSentPageAwaitingDeliveryStatusIsReadWithoutANextAttempt() {
        AnnouncementPage sent = storedSent(1, T0.plusSeconds(3));

        assertThat(store.awaitingDeliveryStatus(T0, 10)).containsExactly(sent);
        assertThat(store.duePages(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void membersDeliveryStatesAreReadBackUnchanged() {
        AnnouncementPage sent = store.updatePage(insertedSent(1)).orElseThrow();
        List<PageMember> reported = List.of(
                sent.members().get(0).reported(MemberState.DELIVERED, "Sent", T0.plusSeconds(5).plusNanos(999)),
                sent.members().get(1).reported(MemberState.FAILED, "Error, code 550", T0.plusSeconds(6)));

        AnnouncementPage stored = store.updatePage(sent.withMembers(reported)).orElseThrow();

        assertThat(store.findPage(sent.id())).contains(stored);
        assertThat(stored.members()).extracting(PageMember::memberState)
                .containsExactly(MemberState.DELIVERED, MemberState.FAILED);
        assertThat(stored.members()).extracting(PageMember::reason).containsExactly("Sent", "Error, code 550");
        assertThat(stored.members()).extracting(PageMember::updatedAt)
                .containsExactly(T0.plusSeconds(5), T0.plusSeconds(6));
        assertThat(stored.updatedAt()).as("a sent page keeps the time it was sent").isEqualTo(sent.updatedAt());
    }

    @Test
    void ofTwoReportsOnTheSameVersionOfAPageOnlyTheFirstIsStored() {
        AnnouncementPage sent = store.updatePage(insertedSent(1)).orElseThrow();
        PageMember first = sent.members().get(0);
        AnnouncementPage delivered = store.updatePage(sent.withMembers(List.of(
                first.reported(MemberState.DELIVERED, "Sent", T0), sent.members().get(1)))).orElseThrow();

        assertThat(store.updatePage(sent.withMembers(List.of(first, sent.members().get(1).reported(
                MemberState.FAILED, "Error, code 550", T0))))).isEmpty();

        assertThat(store.findPage(sent.id())).contains(delivered);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> store.duePages(T0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.pagesOf(ANNOUNCEMENT, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.awaitingDeliveryStatus(T0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWithdrawalIsRememberedBeforeAnyPageExists() {
        assertThat(store.recordWithdrawal(ANNOUNCEMENT, T0)).isTrue();

        assertThat(store.withdrawnAt(ANNOUNCEMENT)).contains(T0);
        assertThat(store.pagesOf(ANNOUNCEMENT, 1, 10)).isEmpty();
    }

    @Test
    void aSecondWithdrawalIsRefusedAndKeepsTheFirstTime() {
        store.recordWithdrawal(ANNOUNCEMENT, T0);

        assertThat(store.recordWithdrawal(ANNOUNCEMENT, T0.plusSeconds(60))).isFalse();

        assertThat(store.withdrawnAt(ANNOUNCEMENT)).contains(T0);
    }

    @Test
    void anAnnouncementNeverWithdrawnHasNoWithdrawal() {
        store.recordWithdrawal(ANNOUNCEMENT, T0);

        assertThat(store.withdrawnAt(other(1).announcementId())).isEmpty();
    }

    @Test
    void aWithdrawalIsNoPageAndNeverDue() {
        store.recordWithdrawal(ANNOUNCEMENT, T0);

        assertThat(store.findPage(AnnouncementIds.page(ANNOUNCEMENT, 1))).isEmpty();
        assertThat(store.duePages(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    /** Page {@code number}, stored and then sent: the page to update with its members' reports. */
    private AnnouncementPage insertedSent(int number) {
        AnnouncementPage page = page(number, T0);
        store.insertPage(page);
        return page.sent("job-" + number, T0.plusSeconds(1));
    }

    /** Page {@code number}, stored and sent at {@code sentAt}: the stored copy. */
    protected AnnouncementPage storedSent(int number, Instant sentAt) {
        AnnouncementPage page = page(number, T0);
        store.insertPage(page);
        return store.updatePage(page.sent("job-" + number, sentAt)).orElseThrow();
    }

    /** Page {@code number} of the announcement, of two members, due at {@code due}. */
    private static AnnouncementPage page(int number, Instant due) {
        return page(ANNOUNCEMENT, number, due);
    }

    private static AnnouncementPage other(int number) {
        return page(AnnouncementIds.of("regional-announcements", "/xconnector/intranet/announcements",
                "announcement/ANN-1"), number, T0);
    }

    private static AnnouncementPage page(String announcement, int number, Instant due) {
        List<PageMember> members = List.of(new PageMember("u" + number + "a", "u" + number + "a@example.com",
                "PENDING"), new PageMember("u" + number + "b", "u" + number + "b@example.com", "PENDING"));
        return new AnnouncementPage(AnnouncementIds.page(announcement, number), announcement, number, 5,
                "company-announcements", "announcement", Priority.NORMAL, Channel.EMAIL, "de", "Europe/Berlin",
                "/xconnector/intranet/announcements", "ann-1", members, AnnouncementPageStatus.PENDING, 0, due,
                T0.plus(Duration.ofDays(7)), due, null, null, null, T0, T0, 0);
    }
}
