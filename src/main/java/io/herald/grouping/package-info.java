/**
 * Announcing a rule's events in groups instead of one by one: counting an event into its group at intake, and the
 * sweep's announcements of due groups. Groups live in the {@link io.herald.store.GroupStore}.
 */
package io.herald.grouping;
