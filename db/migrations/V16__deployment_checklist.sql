-- The seed's checklist of a finished deployment (DeploymentChecklist: flash < 256 KB, latency < 100 ms, peak RAM
-- measured, verified on the emulated device), each item with its outcome, figure, limit and whether it was measured or
-- estimated, as the deploy job computed it. NULL for deployments finished before it existed and those without a bundle.
ALTER TABLE deployments ADD COLUMN checklist jsonb;
