-- "Cases reported through the portal advised or resolved": the rollups now count, in the report's period,
-- the portal cases advised or resolved (within 90 days), which matches the denominator (cases reported through
-- the portal) where the count of all closed cases did not.
UPDATE kpi_definition SET numerator = 'cases_portal_ok_90d' WHERE id = 'cases-resolved';
