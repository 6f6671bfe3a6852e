package io.herald.display;

import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import io.quarkus.qute.runtime.ContentTypes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Herald's templates ({@code templates/} on the class path), each found and parsed when it is first asked for.
 * Quarkus would parse all of them while starting (about 0.1 s); {@code quarkus.qute.template-path-exclude}
 * leaves them to this locator instead, so a start answers sooner and a template no message needs is never read.
 * {@code ShippedTemplatesTest} parses every one of them, as Quarkus's build did.
 *
 * <p>An id is a path below {@code templates/}, with its suffix ({@code pages/outcome.html}) or without it, as
 * {@code {#include pages/layout}} names one; the suffix gives the content type, and so whether values are escaped
 * for HTML. Ids outside {@code templates/} ({@code ..}, absolute paths, other characters) find nothing, since some
 * ids are made from event values.
 */
@Singleton
public class ClassPathTemplates implements TemplateLocator {

    private static final String ROOT = "templates/";
    private static final List<String> SUFFIXES = List.of(".html", ".txt");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]+(?:[./][A-Za-z0-9_-]+)*");

    private final ContentTypes contentTypes;
    private final ClassLoader classLoader = ClassPathTemplates.class.getClassLoader();

    ClassPathTemplates(ContentTypes contentTypes) {
        this.contentTypes = contentTypes;
    }

    @Override
    public Optional<TemplateLocation> locate(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        List<String> paths = SUFFIXES.stream().anyMatch(id::endsWith) ? List.of(id)
                : SUFFIXES.stream().map(id::concat).toList();
        return paths.stream().map(this::at).flatMap(Optional::stream).findFirst();
    }

    private Optional<TemplateLocation> at(String path) {
        URL url = classLoader.getResource(ROOT + path);
        if (url == null) {
            return Optional.empty();
        }
        Variant variant = new Variant(Locale.getDefault(), StandardCharsets.UTF_8, contentTypes.getContentType(path));
        return Optional.of(new TemplateLocation() {
            @Override
            public Reader read() {
                try {
                    return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("template " + path + " cannot be read", e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(variant);
            }
        });
    }
}
