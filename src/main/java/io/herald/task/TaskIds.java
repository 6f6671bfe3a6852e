package io.herald.task;

import io.herald.domain.EventKey;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A task's id comes from its event and rule, so routing an event again raises the same task, not a second. */
public final class TaskIds {

    private TaskIds() {
    }

    public static String of(EventKey event, String rule) {
        String identity = "task\u0000" + event.source() + '\u0000' + event.id() + '\u0000' + rule;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
