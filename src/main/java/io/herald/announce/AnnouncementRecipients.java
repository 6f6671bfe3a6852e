package io.herald.announce;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.herald.domain.AnnouncementIds;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.MemberState;
import io.herald.domain.PageMember;
import io.herald.http.ProblemException;
import io.herald.store.AnnouncementStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An announcement's recipients one by one with their delivery state, for operators: in page order and, within a
 * page, in user id order, optionally only those in one state. An answer reads a bounded number of pages, so an
 * audience of any size is listed in bounded memory; it may hold fewer than {@code limit} recipients (a filter
 * matching few) while {@code next} says there is more to read.
 */
@ApplicationScoped
public class AnnouncementRecipients {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Pages read per answer at most; with pages of up to 1000 members, an answer holds bounded work. */
    static final int MAX_PAGES_READ = 20;
    private static final int PAGES_PER_READ = 5;

    private final AnnouncementStore pages;

    public AnnouncementRecipients(AnnouncementStore pages) {
        this.pages = pages;
    }

    /**
     * @param status the {@code status} asked for; absent when none was
     * @param recipients this answer's recipients
     * @param next the {@code after} of the following answer; absent when the listing is complete
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RecipientList(String id, String status, List<Recipient> recipients, String next) {
    }

    /**
     * @param state lower case, as {@link MemberState#id()}
     * @param reason what the provider last reported (e.g. {@code Sent}, {@code Error, code 550}); null before that
     * @param updatedAt when a report last changed the state; null before any report
     */
    public record Recipient(String user, String channel, String address, int page, String state, String reason,
            Instant updatedAt) {

        static Recipient of(AnnouncementPage page, PageMember member) {
            return new Recipient(member.user(), page.channel().id(), member.address(), page.number(),
                    member.memberState().id(), member.reason(), member.updatedAt());
        }
    }

    /**
     * @param query {@code limit} (1 to 1000, default 100), {@code after} (the {@code next} of an earlier answer) and
     *        {@code status} (one {@link MemberState} in lower case)
     * @throws ProblemException 400 for a bad parameter, 404 for an unknown announcement
     */
    public RecipientList list(String id, Map<String, String> query) {
        int limit = AnnouncementQueries.number(query.get("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        Optional<MemberState> wanted = state(query.get("status"));
        RecipientCursor after = query.get("after") == null ? null : RecipientCursor.decode(query.get("after"));
        if (id == null || id.isBlank() || pages.findPage(AnnouncementIds.page(id, 1)).isEmpty()) {
            throw new ProblemException(404, "Not Found", "no announcement with that id");
        }
        List<Recipient> listed = new ArrayList<>();
        int from = after == null ? 1 : after.page();
        RecipientCursor last = after;
        int read = 0;
        boolean more = true;
        while (more && read < MAX_PAGES_READ) {
            List<AnnouncementPage> batch = pages.pagesOf(id, from, Math.min(PAGES_PER_READ, MAX_PAGES_READ - read));
            for (AnnouncementPage page : batch) {
                List<PageMember> members = page.members();
                int start = after != null && page.number() == after.page() ? following(members, after.user()) : 0;
                for (PageMember member : members.subList(start, members.size())) {
                    last = new RecipientCursor(page.number(), member.user());
                    if (wanted.isEmpty() || member.memberState() == wanted.get()) {
                        listed.add(Recipient.of(page, member));
                        if (listed.size() == limit) {
                            return answer(id, wanted, listed, last.encode());
                        }
                    }
                }
            }
            read += batch.size();
            from += batch.size();
            more = !batch.isEmpty() && batch.get(batch.size() - 1).number() < batch.get(batch.size() - 1).pageCount();
        }
        // Stopped at the pages one answer may read: the next answer goes on after the last member read.
        return answer(id, wanted, listed, more && last != null ? last.encode() : null);
    }

    /** Members keep their order on a page; a cursor naming one no longer there resumes after where it would be. */
    private static int following(List<PageMember> members, String user) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).user().equals(user)) {
                return i + 1;
            }
        }
        int i = 0;
        while (i < members.size() && members.get(i).user().compareTo(user) <= 0) {
            i++;
        }
        return i;
    }

    private static RecipientList answer(String id, Optional<MemberState> wanted, List<Recipient> listed,
            String next) {
        return new RecipientList(id, wanted.map(MemberState::id).orElse(null), listed, next);
    }

    private static Optional<MemberState> state(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<MemberState> state = MemberState.named(text);
        if (state.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "status must be one of " + Arrays.stream(
                    MemberState.values()).map(MemberState::id).collect(Collectors.joining(", ")));
        }
        return state;
    }
}
