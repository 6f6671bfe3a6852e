package io.herald.announce;

import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.MemberState;
import io.herald.domain.PageMember;
import io.herald.http.ProblemException;
import io.herald.store.AnnouncementStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who an announcement addressed and how far it got, for operators: its recipients page by page with their delivery
 * status, and how many members stand in each status. Every page is read to count, a few at a time, so an audience of
 * any size is counted in bounded memory; {@link AnnouncementRecipients} lists the recipients one by one.
 */
@ApplicationScoped
public class AnnouncementQueries {

    static final int DEFAULT_PAGES = 10;
    static final int MAX_PAGES = 100;
    private static final int PAGES_PER_READ = 10;

    private final AnnouncementStore pages;

    public AnnouncementQueries(AnnouncementStore pages) {
        this.pages = pages;
    }

    /**
     * @param counts members by the status of their page (lower case), over every page
     * @param states members by their own delivery state ({@link MemberState#id()}), over every page: the page's
     *        status until it is sent, then what the provider reported ({@code delivered}, {@code failed}, or
     *        {@code sent} while no report came)
     * @param pages the pages asked for, from {@code fromPage}
     */
    public record AnnouncementView(String id, String rule, String eventSource, String eventId, int pageCount,
            int members, Map<String, Integer> counts, Map<String, Integer> states, List<PageView> pages) {
    }

    public record PageView(int page, String channel, String locale, String status, int attempts, Instant sendAt,
            Instant expiresAt, String jobId, List<MemberView> recipients) {

        static PageView of(AnnouncementPage page) {
            return new PageView(page.number(), page.channel().id(), page.locale(), lowerCase(page.status()),
                    page.attempts(), page.sendAt(), page.expiresAt(), page.jobId(),
                    page.members().stream().map(MemberView::of).toList());
        }
    }

    /** @param state the member's delivery state as {@code states} counts it ({@link MemberState#id()}) */
    public record MemberView(String user, String address, String state, String reason, Instant updatedAt) {

        static MemberView of(PageMember member) {
            return new MemberView(member.user(), member.address(), member.memberState().id(), member.reason(),
                    member.updatedAt());
        }
    }

    /** @param query {@code fromPage} (from 1, default 1) and {@code pages} (1 to 100, default 10) */
    public AnnouncementView announcement(String id, Map<String, String> query) {
        int fromPage = number(query.get("fromPage"), "fromPage", 1, Integer.MAX_VALUE, 1);
        int wanted = number(query.get("pages"), "pages", 1, MAX_PAGES, DEFAULT_PAGES);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (AnnouncementPageStatus status : AnnouncementPageStatus.values()) {
            counts.put(lowerCase(status), 0);
        }
        Map<String, Integer> states = new LinkedHashMap<>();
        for (MemberState state : MemberState.values()) {
            states.put(state.id(), 0);
        }
        // Counted as the pages are read, a few at a time; only the pages shown are kept.
        AnnouncementPage first = null;
        List<PageView> shown = new ArrayList<>();
        int pageCount = 0;
        int members = 0;
        List<AnnouncementPage> read;
        do {
            read = id == null || id.isBlank() ? List.of() : pages.pagesOf(id, pageCount + 1, PAGES_PER_READ);
            for (AnnouncementPage page : read) {
                first = first == null ? page : first;
                pageCount++;
                members += page.members().size();
                counts.merge(lowerCase(page.status()), page.members().size(), Integer::sum);
                page.members().forEach(member -> states.merge(member.memberState().id(), 1, Integer::sum));
                if (page.number() >= fromPage && shown.size() < wanted) {
                    shown.add(PageView.of(page));
                }
            }
        } while (read.size() == PAGES_PER_READ);
        if (first == null) {
            throw new ProblemException(404, "Not Found", "no announcement with that id");
        }
        return new AnnouncementView(first.announcementId(), first.rule(), first.eventSource(), first.eventId(),
                pageCount, members, counts, states, shown);
    }

    static int number(String text, String name, int min, int max, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ProblemException(400, "Bad Request", name + " must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        }
    }

    private static String lowerCase(AnnouncementPageStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
