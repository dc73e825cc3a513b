-- Each action-log entry becomes the canonical JSON of its typed act (kz.tirkeu.application.Act): numbers and booleans
-- as JSON numbers and booleans, lists as arrays, a check's own facts apart from its fields, every check naming its
-- round, phase and check. Rules read fields of a type from now on, never keys of a map; ActionLog reads every stored
-- entry back strictly, so a shape missed here fails loudly rather than silently.
--
-- The log is append-only (V30's trigger); reshaping what it says, without changing what it says, is the one update it
-- has ever allowed, inside this migration's transaction.
alter table application_action disable trigger application_action_no_change;

-- Checks. A round is the checks of one phase recorded at one instant; entries from before rounds had ids get one
-- derived from the application, the instant and the phase, so that the entries of one round share it.
with check_entry as (
    select application_id, seq, at, step, detail as d,
           coalesce(detail ->> 'phase', case when step in ('S11', 'S12', 'S13', 'S14') then 'BUYER'
                                             when step = 'S19' then 'DECISION' else 'SELLER' end) as phase,
           detail - array ['check', 'phase', 'waived', 'why', 'code', 'message', 'ruleVersion', 'automated', 'regimeRule', 'found'] as facts
    from application_action
    where action in ('CHECK_PASSED', 'CHECK_REFUSED', 'CHECK_WAITING')
), reshaped as (
    select e.application_id, e.seq,
           jsonb_build_object('round', md5(e.application_id::text || '|' || e.at::text || '|' || e.phase)::uuid,
                              'phase', e.phase, 'check', coalesce(e.d ->> 'check', e.step, ''), 'facts', e.facts)
           || case a.action
                  when 'CHECK_PASSED' then
                      case when coalesce(e.d ->> 'found', '') <> '' then jsonb_build_object('found', e.d ->> 'found') else '{}'::jsonb end
                      || case when e.d ? 'waived' then jsonb_build_object('waived', e.d ->> 'waived') else '{}'::jsonb end
                  when 'CHECK_REFUSED' then
                      jsonb_build_object('code', e.d ->> 'code', 'message', coalesce(e.d ->> 'message', ''),
                                         'found', coalesce(e.d ->> 'found', ''), 'ruleVersion', coalesce(e.d ->> 'ruleVersion', ''))
                  else jsonb_build_object('why', coalesce(e.d ->> 'why', e.d ->> 'found', ''))
              end as detail
    from check_entry e join application_action a on a.application_id = e.application_id and a.seq = e.seq
)
update application_action a set detail = r.detail
from reshaped r
where a.application_id = r.application_id and a.seq = r.seq;

-- Entries from before the VIN check-digit warning showed none: they record a match.
update application_action
set detail = (detail - 'vinCheckDigit' - 'regimeVersion')
             || jsonb_build_object('vinCheckDigitMatches', coalesce(detail ->> 'vinCheckDigit' = 'matches', true))
             || case when detail ? 'regimeVersion' then jsonb_build_object('regimeVersion', (detail ->> 'regimeVersion')::int) else '{}'::jsonb end
where action = 'STARTED';

update application_action
set detail = detail || jsonb_build_object('regimeVersionShown', (detail ->> 'regimeVersionShown')::int)
where action in ('BUYER_AGREED', 'BUYER_DECLINED') and detail ? 'regimeVersionShown';

update application_action
set detail = detail || jsonb_build_object('amountKzt', (detail ->> 'amountKzt')::bigint)
where action in ('INVOICE_CREATED', 'PAID');

update application_action
set detail = jsonb_build_object('region', substring(detail ->> 'to' from 'region (.*)$'))
where action = 'SUBMITTED' and detail ? 'to';

update application_action
set detail = detail || jsonb_build_object('plateSerials',
        case when coalesce(detail ->> 'plateSerials', '') = '' then '[]'::jsonb
             else to_jsonb(string_to_array(detail ->> 'plateSerials', ', ')) end)
where action = 'HANDED_OVER';

update application_action
set detail = detail || jsonb_build_object('automated', coalesce((detail ->> 'automated')::boolean, false))
where action = 'REGISTERED';

update application_action set detail = detail - 'automated' - 'phase' where action = 'OFFICER_REFUSED';

-- An application that expired without a deadline on record said so with the text "null".
update application_action set detail = detail - 'deadline' where action = 'EXPIRED' and detail ->> 'deadline' = 'null';

alter table application_action enable trigger application_action_no_change;
