package io.herald.store;

/** Values exactly at a {@link StoreLimits.Limit}: as many characters, and as many UTF-8 bytes, as it allows. */
public final class LimitValues {

    private LimitValues() {
    }

    /** {@code prefix}, then three-byte characters while the byte limit allows, then ASCII up to the length. */
    public static String widest(StoreLimits.Limit limit, String prefix) {
        int ascii = prefix.length();
        int wide = Math.min(limit.characters() - ascii, (limit.bytes() - limit.characters()) / 2);
        String value = prefix + "\u20ac".repeat(wide) + "a".repeat(limit.characters() - ascii - wide);
        if (!limit.fits(value)) {
            throw new IllegalStateException("not within " + limit);
        }
        return value;
    }

    public static String widest(StoreLimits.Limit limit) {
        return widest(limit, "");
    }
}
