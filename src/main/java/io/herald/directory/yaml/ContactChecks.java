package io.herald.directory.yaml;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the contact details of a directory entry. Each check returns the reason a value is wrong, or empty when
 * it is fine: a mistyped address found at start-up beats a notification that silently never arrives.
 */
final class ContactChecks {

    // Deliberately loose: the mail system is the judge of deliverability, this only catches obvious typos.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern NUMERIC_REGION = Pattern.compile("[0-9]{3}");
    private static final Set<String> LANGUAGES = languages();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private ContactChecks() {
    }

    static Optional<String> email(String value) {
        return EMAIL.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + value + "' is not an e-mail address");
    }

    static Optional<String> phone(String value) {
        return E164.matcher(value).matches() ? Optional.empty()
                : Optional.of("'" + value + "' is not a phone number in E.164 form (e.g. +4915112345678)");
    }

    /** A BCP 47 tag whose language is an ISO 639 code and whose region, if any, an ISO 3166 or UN M.49 code. */
    static Optional<String> locale(String value) {
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(value).build();
        } catch (IllformedLocaleException e) {
            return Optional.of("'" + value + "' is not a BCP 47 language tag (e.g. en, de-CH)");
        }
        if (!LANGUAGES.contains(locale.getLanguage())) {
            return Optional.of("'" + value + "' names an unknown language");
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && !COUNTRIES.contains(region) && !NUMERIC_REGION.matcher(region).matches()) {
            return Optional.of("'" + value + "' names an unknown region");
        }
        return Optional.empty();
    }

    /** An IANA zone id; fixed offsets such as {@code +01:00} are refused because they ignore daylight saving. */
    static Optional<String> timeZone(String value) {
        return ZoneId.getAvailableZoneIds().contains(value) ? Optional.empty()
                : Optional.of("'" + value + "' is not an IANA time zone (e.g. Europe/Berlin)");
    }

    private static Set<String> languages() {
        Set<String> codes = new HashSet<>();
        for (String code : Locale.getISOLanguages()) {
            codes.add(code);
            codes.add(new Locale(code).getISO3Language());
        }
        return Set.copyOf(codes);
    }
}
