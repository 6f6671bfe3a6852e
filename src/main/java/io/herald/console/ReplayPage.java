package io.herald.console;

import io.herald.access.ConsoleSessions;
import io.herald.http.FormBody;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import io.herald.http.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /console/replay?kind=..&id=..} shows what a replay would send again and a button; nothing happens on
 * opening it. {@code POST /console/replay} (form fields kind, id) replays ({@link Replays}) and shows the outcome.
 * A post another site's page made is refused, as local mode asks for no credentials that would stop it; a post
 * made with a browser's session cookie must also carry the form token of its session, which only the console's own
 * page knows.
 */
@ApplicationScoped
public class ReplayPage {

    private final Replays replays;
    private final ConsolePages pages;
    private final ConsoleSessions sessions;

    public ReplayPage(Replays replays, ConsolePages pages, ConsoleSessions sessions) {
        this.replays = replays;
        this.pages = pages;
        this.sessions = sessions;
    }

    /** @throws ProblemException 403 for a post another site's page made, as browsers tell */
    static void sameSiteOnly(HttpRequest request) {
        String site = request.header("sec-fetch-site");
        if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
            throw new ProblemException(403, "Forbidden", "only accepted from the console's own pages");
        }
    }

    static String link(String kind, String id) {
        return ConsoleRoutes.PREFIX + "/replay?kind=" + EventPage.encode(kind) + "&id=" + EventPage.encode(id);
    }

    HttpResponse confirm(HttpRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("item", replays.find(request.query().get("kind"), request.query().get("id")));
        data.put("formToken", SessionCookie.of(request).map(sessions::formToken).orElse(""));
        return pages.render(200, "replay", data);
    }

    HttpResponse act(HttpRequest request) {
        sameSiteOnly(request);
        Map<String, String> form = FormBody.parse(request.body());
        SessionCookie.of(request).ifPresent(session -> {
            if (!sessions.formTokenMatches(session, form.get("form-token"))) {
                throw new ProblemException(403, "Forbidden", "a replay is only accepted from the console's own "
                        + "page: open it again and press its button");
            }
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("item", replays.replay(form.get("kind"), form.get("id"), request.caller()));
        return pages.render(200, "replayed", data);
    }
}
