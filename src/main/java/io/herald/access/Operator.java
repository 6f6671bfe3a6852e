package io.herald.access;

/**
 * Someone authenticated to use operator routes.
 *
 * @param name what the audit trail and the access log record: {@code key:<name>} for an API key, the token's
 *        subject for OIDC
 */
public record Operator(String name, Access access) {
}
