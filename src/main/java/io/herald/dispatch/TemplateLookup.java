package io.herald.dispatch;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the template of one part of a message in a language, most specific variant first ({@code subject_de-CH.txt},
 * {@code subject_de.txt}, then {@code subject.txt}), and remembers the answer, a miss included. The engine keeps
 * the templates it found, but not the names it did not find: without this, every message searched the class path
 * for each variant its language lacks. Templates are part of the build, so an answer never goes stale.
 */
final class TemplateLookup {

    /** More answers than templates times languages in any sane set of rules; past it, look-ups are not kept. */
    static final int MAX_REMEMBERED = 10_000;

    private final Engine engine;
    private final Map<String, Optional<Template>> answers = new ConcurrentHashMap<>();

    TemplateLookup(Engine engine) {
        this.engine = engine;
    }

    /**
     * @param base the template's folder, ending in {@code /}
     * @return the most specific variant there is, or empty when the part has no template in any language
     */
    Optional<Template> find(String base, String part, String extension, Locale locale) {
        String key = base + part + "." + extension + "|" + locale.toLanguageTag();
        Optional<Template> known = answers.get(key);
        if (known != null) {
            return known;
        }
        Optional<Template> found = search(base, part, extension, locale);
        if (answers.size() < MAX_REMEMBERED) {
            answers.put(key, found);
        }
        return found;
    }

    private Optional<Template> search(String base, String part, String extension, Locale locale) {
        String tag = locale.toLanguageTag();
        String language = locale.getLanguage();
        List<String> candidates = tag.equals(language)
                ? List.of(part + "_" + tag, part)
                : List.of(part + "_" + tag, part + "_" + language, part);
        for (String candidate : candidates) {
            Template template = engine.getTemplate(base + candidate + "." + extension);
            if (template != null) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }
}
