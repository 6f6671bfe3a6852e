package io.herald.events;

import io.herald.domain.EntityRef;
import java.util.Optional;

/** Where an event names the record it is about: its system, type and id. */
public record EntityPaths(EventPath system, EventPath type, EventPath id) {

    /** @return the entity, or empty unless all three paths hold a single value in the event */
    public Optional<EntityRef> resolve(RoutableEvent event) {
        Optional<String> systemText = system.text(event);
        Optional<String> typeText = type.text(event);
        Optional<String> idText = id.text(event);
        if (systemText.isEmpty() || typeText.isEmpty() || idText.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EntityRef(systemText.get(), typeText.get(), idText.get()));
    }
}
