package io.herald.announce;

import io.herald.directory.User;
import io.herald.domain.AnnouncementIds;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.Channel;
import io.herald.domain.PageMember;
import io.herald.domain.StoredEvent;
import io.herald.routing.PlannedAnnouncement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cuts an announcement's audience into pages: per channel in the rule's order, then per language and time zone (a
 * page is rendered once for all its members), members in id order, at most the rule's page size each. The same
 * announcement and audience always give the same pages, numbered from 1, so building them again after a crash
 * arrives at the pages stored before it.
 */
public final class AnnouncementPages {

    private AnnouncementPages() {
    }

    /** @param now when the announcement is published: its send time when it names none */
    public static List<AnnouncementPage> of(String announcementId, PlannedAnnouncement planned, StoredEvent event,
            Instant now) {
        List<List<User>> chunks = new ArrayList<>();
        List<Channel> channels = new ArrayList<>();
        for (Channel channel : planned.channels()) {
            Map<String, List<User>> byAudience = new TreeMap<>();
            for (User user : planned.members()) {
                if (user.address(channel) != null) {
                    byAudience.computeIfAbsent(user.locale() + '\u0000' + user.timeZone(), k -> new ArrayList<>())
                            .add(user);
                }
            }
            for (List<User> alike : byAudience.values()) {
                for (int from = 0; from < alike.size(); from += planned.pageSize()) {
                    chunks.add(alike.subList(from, Math.min(alike.size(), from + planned.pageSize())));
                    channels.add(channel);
                }
            }
        }
        Instant sendAt = planned.sendAt() == null ? now : planned.sendAt();
        List<AnnouncementPage> pages = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Channel channel = channels.get(i);
            List<User> members = chunks.get(i);
            User first = members.get(0);
            pages.add(new AnnouncementPage(AnnouncementIds.page(announcementId, i + 1), announcementId, i + 1,
                    chunks.size(), planned.rule(), planned.template(), planned.priority(), channel, first.locale(),
                    first.timeZone(), event.source(), event.id(), members.stream().map(user -> new PageMember(
                            user.id(), user.address(channel), AnnouncementPageStatus.PENDING.name())).toList(),
                    AnnouncementPageStatus.PENDING, 0, sendAt, planned.expiresAt(), sendAt, null, null, null, now,
                    now, 0));
        }
        return pages;
    }
}
