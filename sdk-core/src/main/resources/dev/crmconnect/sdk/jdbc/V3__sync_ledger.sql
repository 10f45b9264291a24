-- The sync ledger: per tenant, scope (a resource, or one pool's members) and record key, the
-- salted digest of the body LinkedIn last acknowledged and the run that last saw the record.
-- The row with tenant '' and scope '$salt' holds the ledger's random salt in its digest column.
CREATE TABLE IF NOT EXISTS ${prefix}sync_ledger (
    tenant VARCHAR(255) NOT NULL,
    resource VARCHAR(100) NOT NULL,
    record_key VARCHAR(300) NOT NULL,
    digest BYTEA NOT NULL,
    generation BIGINT NOT NULL,
    PRIMARY KEY (tenant, resource, record_key)
);
