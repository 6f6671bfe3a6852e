package io.herald.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.StringTemplateLocation;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Template variants are searched once per template, part and language; a miss is remembered too. */
class TemplateLookupTest {

    private static final String BASE = "notifications/shipment/";

    /** Templates by id, and every id the engine asked for (the engine asks its locators only for what it lacks). */
    private static final class CountingLocator implements TemplateLocator {

        private final Map<String, String> templates;
        final List<String> searched = new ArrayList<>();

        CountingLocator(Map<String, String> templates) {
            this.templates = templates;
        }

        @Override
        public synchronized Optional<TemplateLocation> locate(String id) {
            searched.add(id);
            String content = templates.get(id);
            return content == null ? Optional.empty() : Optional.of(new StringTemplateLocation(content));
        }
    }

    private final CountingLocator locator = new CountingLocator(Map.of(
            BASE + "subject.txt", "Delayed: {id}",
            BASE + "subject_de.txt", "Verspätet: {id}",
            BASE + "body_de-CH.txt", "Grüezi {id}"));
    private final TemplateLookup lookup = new TemplateLookup(Engine.builder().addDefaults().addLocator(locator).build());

    @Test
    void secondLookUpOfAFoundVariantSearchesNothing() {
        Template first = lookup.find(BASE, "subject", "txt", Locale.forLanguageTag("de-CH")).orElseThrow();
        assertThat(locator.searched).containsExactly(BASE + "subject_de-CH.txt", BASE + "subject_de.txt");
        locator.searched.clear();

        Template second = lookup.find(BASE, "subject", "txt", Locale.forLanguageTag("de-CH")).orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(second.data("id", "S-1").render()).isEqualTo("Verspätet: S-1");
        assertThat(locator.searched).isEmpty();
    }

    @Test
    void languageWithoutAVariantFallsBackToTheDefaultAndIsNotSearchedAgain() {
        Template first = lookup.find(BASE, "subject", "txt", Locale.ENGLISH).orElseThrow();
        // The tag and the language of "en" are the same name: asked once, not twice.
        assertThat(locator.searched).containsExactly(BASE + "subject_en.txt", BASE + "subject.txt");
        locator.searched.clear();

        for (int i = 0; i < 3; i++) {
            assertThat(lookup.find(BASE, "subject", "txt", Locale.ENGLISH)).containsSame(first);
        }

        assertThat(first.data("id", "S-2").render()).isEqualTo("Delayed: S-2");
        assertThat(locator.searched).isEmpty();
    }

    @Test
    void missingPartIsRememberedAsMissing() {
        assertThat(lookup.find(BASE, "sms", "txt", Locale.ENGLISH)).isEmpty();
        assertThat(locator.searched).containsExactly(BASE + "sms_en.txt", BASE + "sms.txt");
        locator.searched.clear();

        assertThat(lookup.find(BASE, "sms", "txt", Locale.ENGLISH)).isEmpty();

        assertThat(locator.searched).isEmpty();
    }

    @Test
    void eachLanguageHasItsOwnAnswer() {
        assertThat(lookup.find(BASE, "body", "txt", Locale.forLanguageTag("de-CH")).orElseThrow()
                .data("id", "S-3").render()).isEqualTo("Grüezi S-3");
        assertThat(lookup.find(BASE, "body", "txt", Locale.GERMAN)).isEmpty();
        assertThat(lookup.find(BASE, "subject", "txt", Locale.GERMAN).orElseThrow().data("id", "S-4").render())
                .isEqualTo("Verspätet: S-4");
        assertThat(lookup.find(BASE, "subject", "txt", Locale.FRENCH).orElseThrow().data("id", "S-5").render())
                .isEqualTo("Delayed: S-5");
    }
}
