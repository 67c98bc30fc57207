-- Samples of one project may share the stored files of another (dataset imports, issue #17): the orphan sweeper and
-- project deletion ask whether any row of any project points at a file. Owned by platform-api
-- (dev.edgeforge.api.sample).
CREATE INDEX sample_object_key_idx ON sample (object_key);
