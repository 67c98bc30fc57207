-- Issue #18, moving from Edge Impulse: signed data is kept and marked, as Edge Impulse does. Owned by platform-api
-- (dev.edgeforge.api.sample).

-- The signature status of an Edge Impulse message (null for formats without signatures): VERIFIED (an HMAC key of
-- the project confirmed it), NOT_VERIFIED (signed, but the project had no key to check it with; it may verify
-- later), INVALID (the project's keys disprove it, or it is not a well-formed signature), NOT_SIGNED (alg none).
-- Existing rows hold VERIFIED or NOT_SIGNED only: earlier versions refused everything else.
ALTER TABLE sample ADD CONSTRAINT sample_signature_status_check
    CHECK (signature_status IN ('VERIFIED', 'NOT_VERIFIED', 'INVALID', 'NOT_SIGNED'));

-- Whether the stored object is the file as uploaded ('uploaded') or content EdgeForge wrote after a change of the
-- values (a crop, a segment of a split: 'edited'). The export writes the object as it is either way; an edited
-- sample has lost the signature its upload carried, and the export says so. Rows from before this version count as
-- uploaded: which of them were cropped was not recorded.
ALTER TABLE sample ADD COLUMN content_origin varchar(16) NOT NULL DEFAULT 'uploaded'
    CHECK (content_origin IN ('uploaded', 'edited'));
ALTER TABLE dataset_version_sample ADD COLUMN content_origin varchar(16) NOT NULL DEFAULT 'uploaded';

-- The list filtered by signature status ("which samples are still unverified?") stays an index scan.
CREATE INDEX sample_project_signature_created_idx ON sample (project_id, signature_status, created_at DESC, id DESC);
