// One statement per batch: jsonb_to_recordset turns the batch into rows, ON CONFLICT upserts by external id,
// and `xmax = 0` tells a fresh insert from an update. Omitted fields keep their stored value. On a known lead a `consent`
// flag that is true applies only to a channel the lead never opted out of (consent_changes): a re-import must not undo
// an opt-out; that takes an explicit, later opt-in (RECORD_OPT_INS_SQL). False flags always apply.
export const UPSERT_LEADS_SQL = `
INSERT INTO leads AS l (external_id, name, email, phone, linkedin_url, company, industry, headcount,
                        revenue_band, funding_stage, city, country, timezone, owner_id, consent)
SELECT x.external_id, x.name, x.email, x.phone, x.linkedin_url, x.company, x.industry, x.headcount,
       x.revenue_band, x.funding_stage, x.city, x.country, x.timezone, x.owner_id,
       '{"email":true,"whatsapp":false,"linkedin":true}'::jsonb || COALESCE(x.consent, '{}'::jsonb)
FROM jsonb_to_recordset($1::jsonb) AS x(external_id text, name text, email text, phone text, linkedin_url text,
     company text, industry text, headcount int, revenue_band text, funding_stage text, city text, country text,
     timezone text, owner_id text, consent jsonb)
ON CONFLICT (external_id) DO UPDATE SET
  name = COALESCE(EXCLUDED.name, l.name), email = COALESCE(EXCLUDED.email, l.email),
  phone = COALESCE(EXCLUDED.phone, l.phone), linkedin_url = COALESCE(EXCLUDED.linkedin_url, l.linkedin_url),
  company = COALESCE(EXCLUDED.company, l.company), industry = COALESCE(EXCLUDED.industry, l.industry),
  headcount = COALESCE(EXCLUDED.headcount, l.headcount), revenue_band = COALESCE(EXCLUDED.revenue_band, l.revenue_band),
  funding_stage = COALESCE(EXCLUDED.funding_stage, l.funding_stage), city = COALESCE(EXCLUDED.city, l.city),
  country = COALESCE(EXCLUDED.country, l.country), timezone = COALESCE(EXCLUDED.timezone, l.timezone),
  owner_id = COALESCE(EXCLUDED.owner_id, l.owner_id), consent = l.consent || COALESCE((SELECT jsonb_object_agg(e.key, e.value) FROM jsonb_each(EXCLUDED.consent) e
    WHERE e.value = 'false'::jsonb
       OR NOT EXISTS (SELECT 1 FROM consent_changes c WHERE c.lead_id = l.id AND c.channel = e.key AND NOT c.granted)), '{}'::jsonb),
  updated_at = now()
RETURNING l.id, l.external_id, (l.xmax = 0) AS inserted, l.consent`;
