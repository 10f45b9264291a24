-- The audit trail's index leads with the decision time. One leading with the tenant competes
-- with the primary key for a notice's lookup, and a plan made while the table is small picks it
-- and then reads all the tenant's decisions per lookup; version 1's such index is dropped.

CREATE INDEX IF NOT EXISTS ${prefix}decisions_by_decided_at ON ${prefix}decisions (decided_at, tenant);

DROP INDEX IF EXISTS ${prefix}decisions_by_time;
