-- A version of what the public calendar feeds show (issue 13, the benchmark:
-- calendar apps poll /calendar.ics every few minutes, and a feed is up to 500
-- dates rendered as iCalendar). The feed's ETag is made from this number (and
-- the address, the language and the day), so a poll of an unchanged feed is
-- answered 304 before any date is read or rendered.
--
-- Every committed change that can alter a public feed adds one: events, their
-- dates (what a feed shows of them, not the counts of who joined), their fields
-- and co-hosts, areas, fields and organizations (their names title a filtered
-- feed). The counter is raised by a deferred trigger, at most once per
-- transaction and at its end: the change and the new number become visible in
-- the same commit, and the row is locked last and briefly, after every other
-- row the transaction writes (so two saves never wait on each other in
-- opposite orders). A feed reads the number before its dates: a change
-- committed in between makes a newer body under the older number, which the
-- next poll replaces; never an older body under a newer number.

create table private.public_events_version (
	id boolean primary key default true check (id),
	version bigint not null default 0
);
alter table private.public_events_version enable row level security;
insert into private.public_events_version default values;

create function private.bump_public_events_version() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	-- once per transaction: a bulk change queues one call per row
	if current_setting('tsunagu.public_events_bumped', true) is distinct from txid_current()::text then
		perform set_config('tsunagu.public_events_bumped', txid_current()::text, true);
		update private.public_events_version set version = version + 1;
	end if;
	return null;
end $$;
revoke execute on function private.bump_public_events_version() from public, anon, authenticated;

create constraint trigger events_public_version after insert or update or delete on public.events
	deferrable initially deferred for each row execute function private.bump_public_events_version();
create constraint trigger event_occurrences_public_version
	after insert or delete or update of event_id, starts_at, ends_at, original_starts_at, status, sequence, area_id
	on public.event_occurrences
	deferrable initially deferred for each row execute function private.bump_public_events_version();
create constraint trigger event_fields_public_version after insert or update or delete on public.event_fields
	deferrable initially deferred for each row execute function private.bump_public_events_version();
create constraint trigger event_cohosts_public_version after insert or update or delete on public.event_cohosts
	deferrable initially deferred for each row execute function private.bump_public_events_version();
create constraint trigger areas_public_version after insert or update or delete on public.areas
	deferrable initially deferred for each row execute function private.bump_public_events_version();
create constraint trigger fields_public_version after insert or update or delete on public.fields
	deferrable initially deferred for each row execute function private.bump_public_events_version();
create constraint trigger organizations_public_version after insert or update or delete on public.organizations
	deferrable initially deferred for each row execute function private.bump_public_events_version();

-- The number, for everybody: it says only that something public changed.
create function public.public_events_version() returns bigint
language sql stable security definer set search_path = '' as $$
	select version from private.public_events_version
$$;
revoke execute on function public.public_events_version() from public;
grant execute on function public.public_events_version() to anon, authenticated, service_role;
