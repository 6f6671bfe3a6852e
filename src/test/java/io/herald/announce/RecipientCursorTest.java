package io.herald.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.http.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The recipient listing's cursor: URL-safe, read back as written, and anything else refused as a bad request. */
class RecipientCursorTest {

    @Test
    void aCursorIsUrlSafeBase64OfPageAndUserAndReadsBackAsWritten() {
        RecipientCursor cursor = new RecipientCursor(2, "grace");

        assertThat(cursor.encode()).isEqualTo("MgpncmFjZQ");
        assertThat(RecipientCursor.decode("MgpncmFjZQ")).isEqualTo(cursor);
        assertThat(new RecipientCursor(12, "user/with+odd~chars").encode()).matches("[A-Za-z0-9_-]+");
        assertThat(RecipientCursor.decode(new RecipientCursor(12, "user/with+odd~chars").encode()))
                .isEqualTo(new RecipientCursor(12, "user/with+odd~chars"));
    }

    /** Not base64; base64 of "grace"; of "0\ngrace"; of "x\ngrace"; of "2\n". */
    @ParameterizedTest
    @ValueSource(strings = {"not a cursor!", "Z3JhY2U", "MApncmFjZQ", "eApncmFjZQ", "Mgo"})
    void anythingButAGivenOutCursorIsABadRequest(String text) {
        assertThatThrownBy(() -> RecipientCursor.decode(text)).isInstanceOfSatisfying(ProblemException.class,
                problem -> assertThat(problem.problem().status()).isEqualTo(400));
    }
}
