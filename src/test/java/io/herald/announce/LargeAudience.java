package io.herald.announce;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.directory.User;
import io.herald.domain.AnnouncementIds;
import io.herald.domain.AnnouncementPage;
import io.herald.domain.AnnouncementPageStatus;
import io.herald.domain.Channel;
import io.herald.domain.EventStatus;
import io.herald.domain.Priority;
import io.herald.domain.StoredEvent;
import io.herald.routing.PlannedAnnouncement;
import io.herald.store.jdbc.JdbcAnnouncementStore;
import io.herald.store.jdbc.JdbcStore;
import io.herald.support.LeftoverDataDir;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A company of {@value #MEMBERS} people in one group, and an announcement to all of them that a Herald process
 * which died ten minutes ago was in the middle of: the event stored but its routing not finished, only the first
 * {@value #STORED_PAGES} of its {@value #PAGES} pages stored (publishing died part-way), the first
 * {@value #SENT_PAGES} of them sent, and page {@value #SENDING_PAGE} claimed by a sender that died before it reached
 * OpenText Notifications.
 *
 * <p>The directory is the sample one with the {@value #MEMBERS} people and their group {@value #GROUP} added; the
 * rules are the sample ones with {@value #RULE} added, which announces events whose {@code data.audience} is
 * {@code large} to the group by e-mail, {@value #PAGE_SIZE} people a page.
 */
public class LargeAudience implements QuarkusTestResourceLifecycleManager {

    static final int MEMBERS = 5_000;
    static final int PAGE_SIZE = 100;
    static final int PAGES = MEMBERS / PAGE_SIZE;
    static final int STORED_PAGES = 20;
    static final int SENT_PAGES = 10;
    static final int SENDING_PAGE = 11;
    static final String GROUP = "everyone-5000";
    static final String RULE = "large-announcement";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String SOURCE = "/xconnector/intranet/announcements";
    static final String EVENT_ID = "large-" + RUN;
    static final String KEY = "announcement/LARGE-" + RUN;
    static final String ANNOUNCEMENT = AnnouncementIds.of(RULE, SOURCE, KEY);

    @Override
    public Map<String, String> start() {
        LeftoverDataDir dataDir = LeftoverDataDir.create("large-audience-data-" + RUN);
        try {
            Path directory = dataDir.path().resolve("directory.yaml");
            Files.writeString(directory, directory());
            Path rules = dataDir.path().resolve("rules.yaml");
            Files.writeString(rules, rules());
            leaveHalfPublished(dataDir);
            return Map.of("herald.data-dir", dataDir.path().toString(),
                    "herald.directory.file", directory.toString(),
                    "herald.rules.file", rules.toString(),
                    // the test restarts recovery itself, after arranging a failing submission
                    "herald.recovery.on-start", "false");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        // the data directory stays under target/ for inspection
    }

    static String member(int n) {
        return String.format("m%05d", n);
    }

    static String address(int n) {
        return member(n) + "@example.com";
    }

    private static List<User> members() {
        return IntStream.rangeClosed(1, MEMBERS).mapToObj(n -> new User(member(n), "Member " + n, address(n), null,
                "en", "Europe/Berlin", null, null)).toList();
    }

    private static String directory() throws IOException {
        String sample = Files.readString(Path.of("src/main/resources/herald/directory.yaml"));
        String users = members().stream().map(u -> "  " + u.id() + ": {name: " + u.name() + ", email: " + u.email()
                + ", locale: en, timeZone: Europe/Berlin}\n").collect(Collectors.joining());
        String group = "  " + GROUP + ":\n    name: Everyone\n    members: ["
                + members().stream().map(User::id).collect(Collectors.joining(", ")) + "]\n";
        return sample.replaceFirst("(?m)^users:\n", "users:\n" + users).replaceFirst("(?m)^groups:\n",
                "groups:\n" + group);
    }

    private static String rules() throws IOException {
        return Files.readString(Path.of("src/main/resources/herald/rules.yaml")).stripTrailing() + "\n\n"
                + "  - name: " + RULE + "\n"
                + "    match:\n"
                + "      type: announcement.published\n"
                + "      condition: data.audience = 'large'\n"
                + "    announce:\n"
                + "      audience:\n"
                + "        - group: " + GROUP + "\n"
                + "      pageSize: " + PAGE_SIZE + "\n"
                + "    template: announcement\n"
                + "    channels: [email]\n";
    }

    private static void leaveHalfPublished(LeftoverDataDir dataDir) {
        ObjectMapper json = new ObjectMapper();
        Instant died = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MICROS);
        StoredEvent event = new StoredEvent(SOURCE, EVENT_ID, "announcement.published", KEY, died, died, Map.of(),
                "application/json", "{\"title\":\"Company-wide update\",\"message\":\"For everyone.\","
                        + "\"category\":\"Policy\",\"audience\":\"large\"}", EventStatus.RECEIVED, List.of(), null);
        new JdbcStore(dataDir.dataSource(), json).insertEvent(event);
        PlannedAnnouncement planned = new PlannedAnnouncement(RULE, KEY, "announcement", Priority.NORMAL,
                List.of(Channel.EMAIL), members(), null, null, PAGE_SIZE);
        List<AnnouncementPage> pages = AnnouncementPages.of(ANNOUNCEMENT, planned, event, died);
        JdbcAnnouncementStore store = new JdbcAnnouncementStore(dataDir.dataSource());
        for (AnnouncementPage page : pages.subList(0, STORED_PAGES)) {
            AnnouncementPage left = page;
            if (page.number() <= SENT_PAGES) {
                left = page.claimed(died.plusSeconds(60), died).sent("job-before-restart-" + page.number(), died);
            } else if (page.number() == SENDING_PAGE) {
                left = page.claimed(died.plusSeconds(60), died);
            }
            store.insertPage(left);
        }
        if (pages.size() != PAGES || pages.get(SENDING_PAGE - 1).status() != AnnouncementPageStatus.PENDING) {
            throw new IllegalStateException("the announcement was not cut into " + PAGES + " pages");
        }
    }
}
