package io.herald.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives an announcement's id from what makes it unique (the rule, the source that published it and its key
 * there), so that publishing it again, or routing its event again after a crash, arrives at the same pages.
 */
public final class AnnouncementIds {

    private AnnouncementIds() {
    }

    public static String of(String rule, String source, String key) {
        String identity = "announcement\u0000" + rule + '\u0000' + source.length() + ':' + source + '\u0000' + key;
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Page {@code number} (from 1) of an announcement: also the provider's submit id of its submission. */
    public static String page(String announcementId, int number) {
        return announcementId + ":" + number;
    }
}
