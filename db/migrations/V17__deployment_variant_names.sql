-- A deployment may build a compressed variant of its model (issue #17): the variant column names it, as the
-- compression feature names variants (model_variant_choice.variant), e.g. 'structured-pruning-int8'. Owned by
-- platform-api (dev.edgeforge.api.deploy).
ALTER TABLE deployments DROP CONSTRAINT deployments_variant_check;
ALTER TABLE deployments ALTER COLUMN variant TYPE varchar(64);
ALTER TABLE deployments ADD CONSTRAINT deployments_variant_check CHECK (variant ~ '^[a-z0-9][a-z0-9-]{0,63}$');
