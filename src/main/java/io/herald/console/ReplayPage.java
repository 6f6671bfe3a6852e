package io.herald.console;

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
 * A post another site's page made is refused, as local mode asks for no credentials that would stop it.
 */
@ApplicationScoped
public class ReplayPage {

    private final Replays replays;
    private final ConsolePages pages;

    public ReplayPage(Replays replays, ConsolePages pages) {
        this.replays = replays;
        this.pages = pages;
    }

    static String link(String kind, String id) {
        return ConsoleRoutes.PREFIX + "/replay?kind=" + EventPage.encode(kind) + "&id=" + EventPage.encode(id);
    }

    HttpResponse confirm(Map<String, String> query) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("item", replays.find(query.get("kind"), query.get("id")));
        return pages.render(200, "replay", data);
    }

    HttpResponse act(HttpRequest request) {
        String site = request.header("sec-fetch-site");
        if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
            throw new ProblemException(403, "Forbidden", "a replay is only accepted from the console's own page");
        }
        Map<String, String> form = FormBody.parse(request.body());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("item", replays.replay(form.get("kind"), form.get("id"), request.caller()));
        return pages.render(200, "replayed", data);
    }
}
