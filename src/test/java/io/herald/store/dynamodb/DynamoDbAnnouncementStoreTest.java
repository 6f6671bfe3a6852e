package io.herald.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.domain.AnnouncementPage;
import io.herald.domain.MemberState;
import io.herald.store.AnnouncementStore;
import io.herald.store.AnnouncementStoreContract;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The announcement store contract on DynamoDB, as dynalite serves its API; every store gets a table of its own. */
class DynamoDbAnnouncementStoreTest extends AnnouncementStoreContract {

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Override
    protected AnnouncementStore emptyStore() {
        return new DynamoDbAnnouncementStore(DYNALITE.client(), DYNALITE.createGroupTables(), Duration.ofDays(90),
                Clock.systemUTC());
    }

    @Test
    void aPageWhoseEveryDeliveryIsKnownLeavesTheIndexOfPagesAwaitingStatus() {
        AnnouncementPage sent = storedSent(1, T0);
        store.updatePage(sent.withMembers(sent.members().stream()
                .map(member -> member.reported(MemberState.DELIVERED, "Sent", T0.plusSeconds(1))).toList()));

        assertThat(store.awaitingDeliveryStatus(T0, 10)).isEmpty();
    }

    @AfterEach
    void dropTables() {
        DYNALITE.dropTables();
    }
}
