-- Issue #10, "doors shut by default": registration closed, tokens that expire, invites, signed data on demand.
-- Owned by platform-api (dev.edgeforge.api.account, dev.edgeforge.api.project).

-- Registration is closed unless an administrator opens it, on servers that existed before as well: the old
-- default (open) was never a choice anyone made. People get in through invites or accounts an administrator
-- creates.
ALTER TABLE platform_settings ALTER COLUMN registration_open SET DEFAULT false;
UPDATE platform_settings SET registration_open = false, updated_at = now();

-- Every token expires. Personal access tokens used to live until revoked: they get 90 days from now, enough
-- for their owners to notice (the account page lists them with their expiry) and replace them.
UPDATE user_token SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE user_token ALTER COLUMN expires_at SET NOT NULL;

-- "Require signed data": data sent with an API key must carry a valid HMAC signature.
ALTER TABLE project ADD COLUMN require_signed_data boolean NOT NULL DEFAULT false;

-- Invites to a project: a one-time link (only the SHA-256 of its token is stored) for one email and role.
-- Accepting creates the account (even with registration closed) or adds the existing one.
CREATE TABLE project_invite (
    id          uuid         PRIMARY KEY,
    project_id  uuid         NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    email       varchar(320) NOT NULL CHECK (email = lower(email)),
    role        varchar(16)  NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER')),
    token_hash  varchar(64)  NOT NULL,
    created_by  uuid         REFERENCES user_account (id) ON DELETE SET NULL,
    created_at  timestamptz  NOT NULL,
    expires_at  timestamptz  NOT NULL,
    accepted_at timestamptz,
    accepted_by uuid         REFERENCES user_account (id) ON DELETE SET NULL,
    CONSTRAINT project_invite_token_key UNIQUE (token_hash)
);
CREATE INDEX project_invite_project_idx ON project_invite (project_id, created_at DESC);
