-- Issue #10: the audit log of a project: who changed its keys, members, invites and settings, and who downloaded
-- its deployments. Owned by platform-api (dev.edgeforge.api.audit); rows are only ever inserted.
CREATE TABLE audit_event (
    -- insertion order: the log pages by it, newest first
    id         bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id uuid         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    at         timestamptz  NOT NULL,
    -- a user or a project API key; no foreign key: the log outlives the account or key
    actor_kind varchar(16)  NOT NULL CHECK (actor_kind IN ('user', 'api-key')),
    actor_id   uuid         NOT NULL,
    -- the email or key name at the time, readable after the actor is gone
    actor_name varchar(320) NOT NULL,
    -- e.g. api-key.created, member.role-changed, deployment.downloaded
    action     varchar(64)  NOT NULL,
    -- what was acted on, as kind/id, e.g. api-key/5d0c...
    target     varchar(200) NOT NULL,
    -- one sentence for people, written when the event happened
    summary    varchar(1000) NOT NULL,
    details    jsonb        NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_event_project_idx ON audit_event (project_id, id DESC);
