package io.herald.access;

/**
 * The outcome of checking a request to an operator route.
 *
 * @param operator who is asking, or null when refused (or in local mode, where nobody is asked)
 * @param status 0 when admitted, else 401 (no or unknown credentials) or 403 (known, but not allowed this)
 * @param reason why it was refused, in words that name no key or token
 */
public record OperatorRequest(Operator operator, int status, String reason) {

    static OperatorRequest admitted(Operator operator) {
        return new OperatorRequest(operator, 0, null);
    }

    static OperatorRequest refused(int status, String reason) {
        return new OperatorRequest(null, status, reason);
    }

    public boolean admitted() {
        return status == 0;
    }
}
