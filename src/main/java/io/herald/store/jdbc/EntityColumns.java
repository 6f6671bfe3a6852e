package io.herald.store.jdbc;

import io.herald.domain.EntityRef;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Keeps an {@link EntityRef} in the columns {@link #NAMES}, named alike in every table that holds one: its three
 * parts, then its key, which the lookups by entity compare.
 */
final class EntityColumns {

    static final String NAMES = "entity_system, entity_type, entity_id, entity_key";

    private EntityColumns() {
    }

    /** @return the next free parameter index */
    static int bind(PreparedStatement statement, int first, EntityRef entity) throws SQLException {
        // A missing entity binds nulls, which the NOT NULL columns refuse with a StoreException.
        statement.setString(first, entity == null ? null : entity.system());
        statement.setString(first + 1, entity == null ? null : entity.type());
        statement.setString(first + 2, entity == null ? null : entity.id());
        statement.setString(first + 3, entity == null ? null : entity.key());
        return first + 4;
    }

    static EntityRef read(ResultSet row) throws SQLException {
        return new EntityRef(row.getString("entity_system"), row.getString("entity_type"), row.getString("entity_id"));
    }
}
