package io.herald.console;

import io.herald.access.ConsoleSessions;
import io.herald.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The console's session cookie as a browser sends and receives it: only over https, never to scripts, never on a
 * request another site starts, and only to the console's own paths.
 */
final class SessionCookie {

    private static final String ATTRIBUTES = "; Path=" + ConsoleRoutes.PREFIX + "; HttpOnly; Secure; SameSite=Strict";

    private SessionCookie() {
    }

    /** The {@code Set-Cookie} value that gives a browser the session for this long. */
    static String set(String token, Duration lifetime) {
        return ConsoleSessions.COOKIE + "=" + token + "; Max-Age=" + lifetime.toSeconds() + ATTRIBUTES;
    }

    /** The {@code Set-Cookie} value that makes a browser forget its session. */
    static String cleared() {
        return ConsoleSessions.COOKIE + "=; Max-Age=0" + ATTRIBUTES;
    }

    /**
     * The session a request was admitted by: its cookie, when it carries no {@code Authorization} header (a
     * request with one was admitted by that instead).
     */
    static Optional<String> of(HttpRequest request) {
        if (request.header("authorization") != null) {
            return Optional.empty();
        }
        for (String header : request.headers().getOrDefault("cookie", List.of())) {
            for (String pair : header.split(";")) {
                String trimmed = pair.trim();
                if (trimmed.startsWith(ConsoleSessions.COOKIE + "=")) {
                    return Optional.of(trimmed.substring(ConsoleSessions.COOKIE.length() + 1));
                }
            }
        }
        return Optional.empty();
    }
}
