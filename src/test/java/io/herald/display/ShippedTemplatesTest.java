package io.herald.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every template Herald ships parses, and every template one includes is found: the check Quarkus's build made
 * before the templates were left to {@link ClassPathTemplates}. Values are escaped in HTML templates only, and no
 * id reaches outside {@code templates/}.
 */
@QuarkusTest
class ShippedTemplatesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern INCLUDE = Pattern.compile("\\{#include ([^\\s}/]+(?:/[^\\s}/]+)*)");

    @Inject
    Engine engine;

    @Test
    void everyShippedTemplateParsesAndFindsWhatItIncludes() throws IOException {
        List<Path> files = shipped();
        assertThat(files).hasSizeGreaterThan(70);
        for (Path file : files) {
            String id = TEMPLATES.relativize(file).toString().replace('\\', '/');
            Template template = engine.getTemplate(id);
            assertThat(template).as(id).isNotNull();
            Matcher include = INCLUDE.matcher(Files.readString(file));
            while (include.find()) {
                assertThat(engine.getTemplate(include.group(1))).as(id + " includes " + include.group(1)).isNotNull();
            }
        }
    }

    @Test
    void htmlTemplatesEscapeTheirValuesAndTextTemplatesDoNot() {
        Template html = engine.parse("<p>{value}</p>", Variant.forContentType(Variant.TEXT_HTML));
        assertThat(engine.getTemplate("pages/outcome.html").getVariant()).get()
                .extracting(Variant::getContentType).isEqualTo(Variant.TEXT_HTML);
        assertThat(engine.getTemplate("pages/layout").getVariant()).get()
                .extracting(Variant::getContentType).isEqualTo(Variant.TEXT_HTML);
        assertThat(engine.getTemplate("notifications/case-update/subject.txt").getVariant()).get()
                .extracting(Variant::getContentType).isEqualTo(Variant.TEXT_PLAIN);
        assertThat(html.data("value", "<b>&</b>").render()).isEqualTo("<p>&lt;b&gt;&amp;&lt;/b&gt;</p>");
        assertThat(engine.parse("{value}", Variant.forContentType(Variant.TEXT_PLAIN)).data("value", "<b>&</b>")
                .render()).isEqualTo("<b>&</b>");
    }

    @Test
    void anIdOutsideTheTemplatesFindsNothing() {
        assertThat(engine.getTemplate("console/layout.html")).isNotNull();
        assertThat(engine.getTemplate("pages/../console/layout.html")).isNull();
        assertThat(engine.getTemplate("../templates/console/layout.html")).isNull();
        assertThat(engine.getTemplate("/templates/pages/layout.html")).isNull();
        assertThat(engine.getTemplate("pages/task")).as("a folder").isNull();
        assertThat(engine.getTemplate("pages/no-such-page.html")).isNull();
    }

    private static List<Path> shipped() throws IOException {
        try (Stream<Path> all = Files.walk(TEMPLATES)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
