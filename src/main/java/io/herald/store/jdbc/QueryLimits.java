package io.herald.store.jdbc;

/** The limit of a listing, checked before it reaches the database. */
final class QueryLimits {

    private QueryLimits() {
    }

    /** Databases disagree on a negative LIMIT (PostgreSQL fails, H2 ignores it), so it never reaches them. */
    static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }
}
