package io.herald.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import io.herald.events.EventPath;
import io.herald.events.RoutableEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The event as one condition sees it: the real event, plus its data references ({@link DataReferences}) as
 * extensions. Values are looked up when CESQL asks, so unused branches of a condition cost nothing.
 *
 * <p>Data values become CESQL values as follows: strings stay strings, booleans stay booleans, numbers become
 * integers. CESQL v1 has no other number type, so a non-integral number is rounded down (12500.75 becomes
 * 12500) and one beyond the 32-bit range is clamped to it. Comparisons {@code >=} and {@code <} against an
 * integer stay exact for rounded values; {@code >}, {@code <=} and {@code =} compare the rounded value.
 * Null, objects and arrays count as missing.
 */
final class ConditionEventView implements CloudEvent {

    private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private final RoutableEvent routable;
    private final CloudEvent event;
    private final Map<String, EventPath.Data> fields;

    ConditionEventView(RoutableEvent routable, Map<String, EventPath.Data> fields) {
        this.routable = routable;
        this.event = routable.event();
        this.fields = fields;
    }

    @Override
    public Object getExtension(String name) {
        EventPath.Data field = fields.get(name);
        if (field == null) {
            return event.getExtension(name);
        }
        return field.node(routable.data()).map(ConditionEventView::cesqlValue).orElse(null);
    }

    /** EXISTS asks for the names, so only the fields actually present are listed. */
    @Override
    public Set<String> getExtensionNames() {
        Set<String> names = new HashSet<>(event.getExtensionNames());
        fields.keySet().stream().filter(name -> getExtension(name) != null).forEach(names::add);
        return names;
    }

    static Object cesqlValue(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return clampedFloor(node.decimalValue());
        }
        return null;
    }

    /**
     * Clamps before rounding: rounding 1e20000000 or 1e-99999999 to a whole number first would build a number of
     * millions of digits. Compared by magnitude, which costs nothing whatever the exponent.
     */
    static int clampedFloor(BigDecimal value) {
        if (value.compareTo(MAX) >= 0) {
            return Integer.MAX_VALUE;
        }
        if (value.compareTo(MIN) <= 0) {
            return Integer.MIN_VALUE;
        }
        if (value.abs().compareTo(BigDecimal.ONE) < 0) {
            return value.signum() < 0 ? -1 : 0;
        }
        return value.setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    @Override
    public CloudEventData getData() {
        return event.getData();
    }

    @Override
    public SpecVersion getSpecVersion() {
        return event.getSpecVersion();
    }

    @Override
    public String getId() {
        return event.getId();
    }

    @Override
    public String getType() {
        return event.getType();
    }

    @Override
    public URI getSource() {
        return event.getSource();
    }

    @Override
    public String getDataContentType() {
        return event.getDataContentType();
    }

    @Override
    public URI getDataSchema() {
        return event.getDataSchema();
    }

    @Override
    public String getSubject() {
        return event.getSubject();
    }

    @Override
    public OffsetDateTime getTime() {
        return event.getTime();
    }

    @Override
    public Object getAttribute(String name) {
        return event.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return event.getAttributeNames();
    }
}
