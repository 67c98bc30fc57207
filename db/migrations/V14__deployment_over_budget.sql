-- A deployment built although its estimate did not fit the board (the request said "allowOverBudget": true) keeps
-- the estimate it was built against: RAM and flash needed vs available and per buffer (DeploymentEstimate figures),
-- so its page can say so for as long as it exists. NULL for every deployment whose estimate fitted.
ALTER TABLE deployments ADD COLUMN over_budget jsonb;
