package io.herald.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cursor of a page of open tasks, as it travels in a console link. */
class OpenTasksCursorTest {

    @Test
    void cursorIsBase64UrlOfEpochMicrosecondsAndId() {
        OpenTasksCursor cursor = new OpenTasksCursor(Instant.parse("2026-03-01T10:15:30.123456Z"), "t-1");

        // base64url("1772360130123456|t-1"), without padding
        assertThat(cursor.text()).isEqualTo("MTc3MjM2MDEzMDEyMzQ1Nnx0LTE");
        assertThat(OpenTasksCursor.parse("MTc3MjM2MDEzMDEyMzQ1Nnx0LTE")).isEqualTo(cursor);
    }

    @Test
    void anIdWithAnyCharactersTravelsWhole() {
        OpenTasksCursor cursor = new OpenTasksCursor(Instant.parse("2026-03-01T10:15:30.123456Z"), "t-ü/1|2");

        assertThat(OpenTasksCursor.parse(cursor.text())).isEqualTo(cursor);
        assertThat(cursor.text()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void timesFarFromNowTravelToo() {
        for (String time : new String[] {"3026-12-05T19:18:04.123456Z", "1969-12-31T23:59:59.999999Z"}) {
            OpenTasksCursor cursor = new OpenTasksCursor(Instant.parse(time), "t-1");

            assertThat(OpenTasksCursor.parse(cursor.text())).as(time).isEqualTo(cursor);
        }
    }

    @Test
    void textNoPageGaveIsRefusedWithoutBeingEchoed() {
        for (String bad : new String[] {"", "not base64!", "bm8tYmFy", "fHQtMQ", "eHx0LTE", "MTIzfA"}) {
            assertThatThrownBy(() -> OpenTasksCursor.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the cursor is not one a page of open tasks gave");
        }
    }
}
