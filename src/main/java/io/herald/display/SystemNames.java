package io.herald.display;

import io.herald.domain.EntityRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Readable names of connected systems and links into them, for messages and pages ({@link SourceSystems}). */
@ApplicationScoped
public class SystemNames {

    private final SourceSystems systems;

    public SystemNames(SourceSystems systems) {
        this.systems = systems;
    }

    /** The system's configured name, or its id when none is configured. */
    public String name(String systemId) {
        if (systemId == null) {
            return "";
        }
        SourceSystems.SourceSystem system = systems.systems().get(systemId);
        return system == null ? systemId : system.name();
    }

    /** Where the record can be opened in its system, when the system's record links are configured. */
    public Optional<String> recordUrl(EntityRef entity) {
        if (entity == null || entity.system() == null) {
            return Optional.empty();
        }
        SourceSystems.SourceSystem system = systems.systems().get(entity.system());
        return system == null ? Optional.empty() : system.recordUrl().map(url -> url
                .replace("{type}", encode(entity.type())).replace("{id}", encode(entity.id())));
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
