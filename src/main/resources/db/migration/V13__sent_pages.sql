-- Sent announcement pages by when they were sent (JdbcAnnouncementStore#awaitingDeliveryStatus): at start-up,
-- the pages sent within the delivery-status window are asked about again, since the checks queued in memory are
-- gone. A sent page's updated_at is its sending time. Runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.
CREATE INDEX announcement_pages_by_status ON announcement_pages (status, updated_at, id);
