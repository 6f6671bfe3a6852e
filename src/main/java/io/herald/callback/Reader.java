package io.herald.callback;

import io.herald.directory.User;
import io.herald.display.Formats;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;
import java.util.Set;

/**
 * Who reads a page, as far as the page can tell: the holder of a genuine link (their language and time zone from
 * the directory), or anyone (their browser's preferred language, times in UTC).
 *
 * @param text the page's words in the reader's language
 */
record Reader(Locale locale, Formats fmt, PageText text) {

    /** The languages the pages speak; others read English. */
    static final Set<String> LANGUAGES = Set.of("en", "de");

    static Reader of(User user) {
        return of(user == null ? null : user.locale(), user == null ? null : user.timeZone());
    }

    static Reader of(String languageTag, String zoneId) {
        Formats fmt = Formats.of(languageTag, zoneId);
        String language = LANGUAGES.contains(fmt.locale().getLanguage()) ? fmt.locale().getLanguage() : "en";
        return new Reader(fmt.locale(), fmt, MessageBundles.get(PageText.class, Localized.Literal.of(language)));
    }

    /** For someone whose link could not be read: the first language of {@code Accept-Language} the pages speak. */
    static Reader anonymous(String acceptLanguage) {
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    String language = range.getRange().split("-")[0];
                    if (LANGUAGES.contains(language)) {
                        return of(language, null);
                    }
                }
            } catch (IllegalArgumentException e) {
                // an unreadable header: English
            }
        }
        return of(null, null);
    }

    /** The language tag of the page, for {@code <html lang>}. */
    String lang() {
        return LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }

    String action(String action) {
        return text.action(action, words(action));
    }

    String done(String action) {
        return text.done(action, words(action));
    }

    private static String words(String action) {
        String words = action.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
