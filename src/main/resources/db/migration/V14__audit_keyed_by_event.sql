-- An event's audit trail is keyed by the event, then the entry's id: entry ids are random or hashes of the step
-- they record, so one that repeats within an event is the same step recorded again, and is stored once. The key
-- also serves auditOf, which puts the event's entries in time order itself, so both indexes before it go: the one
-- on the entry id alone took every appended entry at a random place, so on H2 each append rewrote a random page
-- of it; keyed by event, an entry lands beside the entries of its own event. Runs unchanged on PostgreSQL and on H2
-- in PostgreSQL mode.
ALTER TABLE audit_entries DROP CONSTRAINT audit_entries_pk;
DROP INDEX audit_entries_by_event;
ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_pk PRIMARY KEY (event_source, event_id, id);
