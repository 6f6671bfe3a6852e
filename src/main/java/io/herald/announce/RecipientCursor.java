package io.herald.announce;

import io.herald.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a listing of an announcement's recipients goes on: after member {@code user} of page {@code page}. Opaque to
 * callers (URL-safe base64 of the two), so the position can change shape without breaking a caller.
 *
 * @param page page number, from 1
 * @param user the user id of the last member already listed on that page
 */
record RecipientCursor(int page, String user) {

    private static final char SEPARATOR = '\n';

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((page + String.valueOf(SEPARATOR) + user).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ProblemException 400 when {@code text} is not a cursor this listing gave out */
    static RecipientCursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            int page = Integer.parseInt(plain.substring(0, separator));
            String user = plain.substring(separator + 1);
            if (page < 1 || user.isEmpty()) {
                throw new IllegalArgumentException("not a position");
            }
            return new RecipientCursor(page, user);
        } catch (RuntimeException e) {
            throw new ProblemException(400, "Bad Request", "after must be the next cursor of an earlier answer");
        }
    }
}
