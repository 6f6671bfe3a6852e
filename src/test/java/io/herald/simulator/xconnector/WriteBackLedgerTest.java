package io.herald.simulator.xconnector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.herald.simulator.RecentRecords;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WriteBackLedgerTest {

    private static final Instant AT = Instant.parse("2026-12-08T09:00:00Z");

    private final WriteBackLedger ledger = new WriteBackLedger(new RecentRecords(2));

    private static ReceivedWriteBack writeBack(String key) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("idempotency-key", key);
        return new ReceivedWriteBack(AT, headers, JsonNodeFactory.instance.objectNode().put("id", key),
                "{\"id\":\"" + key + "\"}");
    }

    @Test
    void keyWithinTheRecordIsAppliedOnce() {
        assertThat(ledger.applyOnce("wb-1", writeBack("wb-1"))).isTrue();
        assertThat(ledger.applyOnce("wb-1", writeBack("wb-1"))).isFalse();

        assertThat(ledger.applied()).extracting(w -> w.header("Idempotency-Key")).containsExactly("wb-1");
    }

    @Test
    void writeBackPushedOutTakesItsKeyWithIt() {
        ledger.applyOnce("wb-1", writeBack("wb-1"));
        ledger.applyOnce("wb-2", writeBack("wb-2"));
        ledger.applyOnce("wb-3", writeBack("wb-3"));

        assertThat(ledger.applied()).extracting(w -> w.header("Idempotency-Key")).containsExactly("wb-2", "wb-3");
        assertThat(ledger.applyOnce("wb-1", writeBack("wb-1"))).isTrue();
        assertThat(ledger.applyOnce("wb-3", writeBack("wb-3"))).isFalse();
    }

    @Test
    void onlyTheMostRecentCallsAreKept() {
        for (int status : new int[] {503, 429, 200}) {
            ledger.called(new WriteBackCall(AT, "wb-1", status));
        }

        assertThat(ledger.calls()).extracting(WriteBackCall::status).containsExactly(429, 200);
    }
}
