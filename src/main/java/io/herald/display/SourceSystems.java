package io.herald.display;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/**
 * How people know the connected systems: a readable name for each system id that events carry in their data
 * (for example {@code s4-purchasing}), and where a record of the system can be opened. Set with
 * {@code herald.systems."<id>".name} and {@code herald.systems."<id>".record-url}.
 */
@ConfigMapping(prefix = "herald.systems")
public interface SourceSystems {

    /** By system id. */
    @WithParentName
    Map<String, SourceSystem> systems();

    interface SourceSystem {

        /** The name people know the system by, such as {@code SAP S/4HANA Purchasing}. */
        String name();

        /**
         * A link to one record, with {@code {type}} and {@code {id}} standing for the record's type and id, such as
         * {@code https://erp.example.com/records/{type}/{id}}; none when records cannot be linked to.
         */
        Optional<String> recordUrl();
    }
}
