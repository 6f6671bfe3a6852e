-- deadWriteBacks: the dead ones an operator may deliver again, most recently changed first.
CREATE INDEX write_backs_by_update ON write_backs (status, updated_at);
