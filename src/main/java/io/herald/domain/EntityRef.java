package io.herald.domain;

/**
 * The record in a connected system that a task is about, and that a decision is written back to.
 *
 * @param system the connected system, as xConnector names it (e.g. {@code s4-purchasing})
 * @param type the kind of record (e.g. {@code purchase-order})
 * @param id the record's id in that system
 */
public record EntityRef(String system, String type, String id) {

    /** One string per entity, for ordering write-backs and finding tasks by entity. */
    public String key() {
        return system + "\n" + type + "\n" + id;
    }
}
