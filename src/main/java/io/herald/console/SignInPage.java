package io.herald.console;

import io.herald.access.ConsoleSessions;
import io.herald.config.RunMode;
import io.herald.http.FormBody;
import io.herald.http.HttpRequest;
import io.herald.http.HttpResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Signing in to the console with a browser on a server: {@code GET /console/sign-in} shows a form for an operator's
 * API key; {@code POST /console/sign-in} checks the key and gives the browser a session cookie that is not the key
 * ({@link ConsoleSessions}); {@code POST /console/sign-out} takes the cookie back. A refused key is not shown
 * again, and local mode, which asks for no credentials, sends the browser straight to the console.
 */
@ApplicationScoped
public class SignInPage {

    private static final Logger ACCESS = Logger.getLogger("io.herald.access");
    private static final String SIGN_IN = ConsoleRoutes.PREFIX + "/sign-in";

    private final ConsoleSessions sessions;
    private final ConsolePages pages;
    private final RunMode mode;

    public SignInPage(ConsoleSessions sessions, ConsolePages pages, RunMode mode) {
        this.sessions = sessions;
        this.pages = pages;
        this.mode = mode;
    }

    HttpResponse show() {
        return mode.local() ? redirect(ConsoleRoutes.PREFIX, null) : form(200, null);
    }

    HttpResponse signIn(HttpRequest request) {
        if (mode.local()) {
            return redirect(ConsoleRoutes.PREFIX, null);
        }
        ReplayPage.sameSiteOnly(request);
        if (!sessions.enabled()) {
            return form(503, "Signing in is not set up here (herald.console.session.secret); send the key as "
                    + "Authorization: Bearer instead.");
        }
        String key = FormBody.parse(request.body()).get("key");
        return sessions.signIn(key).map(session -> {
            ACCESS.infof("operator %s signed in to the console", session.operator().name());
            return redirect(ConsoleRoutes.PREFIX, SessionCookie.set(session.token(), session.lifetime()));
        }).orElseGet(() -> form(401, "That key is not valid: it is unknown, revoked or mistyped."));
    }

    HttpResponse signOut(HttpRequest request) {
        ReplayPage.sameSiteOnly(request);
        return redirect(mode.local() ? ConsoleRoutes.PREFIX : SIGN_IN, SessionCookie.cleared());
    }

    private HttpResponse form(int status, String refusal) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refusal", refusal == null ? "" : refusal);
        return pages.render(status, "sign-in", data);
    }

    private static HttpResponse redirect(String location, String cookie) {
        Map<String, String> headers = new LinkedHashMap<>(ConsolePages.HEADERS);
        headers.put("Location", location);
        if (cookie != null) {
            headers.put("Set-Cookie", cookie);
        }
        return new HttpResponse(303, headers, new byte[0]);
    }
}
