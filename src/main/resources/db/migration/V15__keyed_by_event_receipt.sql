-- An event's audit entries and notifications are found by the event's receipt time, then its source and id: an
-- index that began with the source and id took the rows of each new event at a random place, so on H2 every
-- commit rewrote one page of it per row; led by the receipt time, new rows land together at the end. The time is
-- copied from the event when a row is written; rows of an event that is not stored take the epoch. Runs unchanged
-- on PostgreSQL and on H2 in PostgreSQL mode.
ALTER TABLE audit_entries ADD COLUMN event_received_at TIMESTAMP WITH TIME ZONE;
UPDATE audit_entries a SET event_received_at = COALESCE(
    (SELECT e.received_at FROM events e WHERE e.source = a.event_source AND e.id = a.event_id),
    TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
ALTER TABLE audit_entries ALTER COLUMN event_received_at SET NOT NULL;
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_pk;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_pk PRIMARY KEY (event_received_at, event_source, event_id, id);

ALTER TABLE notifications ADD COLUMN event_received_at TIMESTAMP WITH TIME ZONE;
UPDATE notifications n SET event_received_at = COALESCE(
    (SELECT e.received_at FROM events e WHERE e.source = n.event_source AND e.id = n.event_id),
    TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00');
ALTER TABLE notifications ALTER COLUMN event_received_at SET NOT NULL;
DROP INDEX notifications_by_event;
CREATE INDEX notifications_by_event ON notifications (event_received_at, event_source, event_id, created_at, id);
