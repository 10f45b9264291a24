-- The checkpoint store's tables as first released. ${prefix} is the store's table prefix
-- (crmconnect_ unless configured). Every statement tolerates a database that already holds its
-- object: databases made before the schema had versions hold these tables unversioned.

CREATE TABLE IF NOT EXISTS ${prefix}leases (
    tenant VARCHAR(255) NOT NULL PRIMARY KEY,
    owner_id VARCHAR(255),
    fencing_token BIGINT NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE IF NOT EXISTS ${prefix}tenants (
    tenant VARCHAR(255) NOT NULL PRIMARY KEY,
    watermark_published_at TIMESTAMP WITH TIME ZONE,
    watermark_notice_id VARCHAR(255),
    last_successful_poll TIMESTAMP WITH TIME ZONE,
    gap_raised_at TIMESTAMP WITH TIME ZONE,
    gap_detail VARCHAR(2000),
    gap_acknowledged_at TIMESTAMP WITH TIME ZONE,
    gap_acknowledged_by VARCHAR(255)
);

CREATE TABLE IF NOT EXISTS ${prefix}decisions (
    tenant VARCHAR(255) NOT NULL,
    notice_id VARCHAR(255) NOT NULL,
    member VARCHAR(255) NOT NULL,
    decision VARCHAR(32) NOT NULL,
    reason VARCHAR(32),
    detail VARCHAR(2000) NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
    handler_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (tenant, notice_id)
);

CREATE INDEX IF NOT EXISTS ${prefix}decisions_by_time ON ${prefix}decisions (tenant, decided_at);

CREATE TABLE IF NOT EXISTS ${prefix}parked (
    tenant VARCHAR(255) NOT NULL,
    notice_id VARCHAR(255) NOT NULL,
    notice_json TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error VARCHAR(2000),
    last_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, notice_id)
);
