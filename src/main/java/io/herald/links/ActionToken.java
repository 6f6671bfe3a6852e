package io.herald.links;

import java.time.Instant;
import java.util.List;

/**
 * What a verified action link allows: the named recipient may answer the task with one of the actions, once,
 * until it expires.
 *
 * @param id unique per link; recorded when used, so a link works once
 * @param keyId the signing key, so keys can rotate while older links stay valid until their key is retired
 */
public record ActionToken(String id, String keyId, String taskId, String recipient, List<String> actions,
        Instant expiresAt) {

    public boolean allows(String action) {
        return actions.contains(action);
    }
}
