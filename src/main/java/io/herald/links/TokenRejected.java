package io.herald.links;

/**
 * An action token that cannot be used: 401 when it is not genuine (tampered, foreign, unknown key), 410 when it
 * has expired, 409 when it was used already. The reason is safe to show to the person holding the link.
 */
public class TokenRejected extends RuntimeException {

    private final int status;

    public TokenRejected(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
