package io.herald.notifier.opentext;

import java.time.Duration;

/**
 * An access token and how long the provider said it lives.
 *
 * @param lifetime {@code expires_in}; zero when the provider did not say
 */
record IssuedToken(String value, Duration lifetime) {

    /** Hides the token: records print all components, and this one must never reach a log. */
    @Override
    public String toString() {
        return "IssuedToken[lifetime=" + lifetime + "]";
    }
}
