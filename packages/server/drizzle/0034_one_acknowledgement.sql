-- Validating sends the reporter an automatic acknowledgement: the default "acknowledge" template sent a second,
-- near-identical one (issue #20, item 11). Protocols seeded with it lose it; the new default "introduce" template
-- is offered to protocols seeded from now on.
UPDATE "response_protocols"
SET "templates" = COALESCE(
  (SELECT jsonb_agg(t ORDER BY i) FROM jsonb_array_elements("templates") WITH ORDINALITY AS e(t, i)
   WHERE t->>'code' <> 'acknowledge'),
  '[]'::jsonb)
WHERE "templates" @> '[{"code": "acknowledge"}]'::jsonb;
