-- A version of what the public lists of practices show (issue 13, the benchmark):
-- /practices (its search, filters and pages) is the same for every visitor and
-- changes far less often than it is read, as /events and the calendar are. The
-- app keeps a visitor's page of practice cards and its count under this number
-- (src/lib/server/practices/kept-list.ts), as it keeps the events' lists under
-- public_events_version (20261218000000), and the same way: every committed
-- change that can alter a practice's card or whether it matches a filter adds
-- one, by a deferred trigger, at most once per transaction and at its end.
--
-- What a card is made of and what the search filters on: the practice
-- (practice_card, practice_walk), its photos, areas, fields and partners, the
-- organizations (the lead's name and logo, its kind, whether it is hidden) and
-- the areas and fields (their names, and the filters' lists). Images are
-- content-addressed and never change.

create table private.public_practices_version (
	id boolean primary key default true check (id),
	version bigint not null default 0
);
alter table private.public_practices_version enable row level security;
insert into private.public_practices_version default values;

create function private.bump_public_practices_version() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
	-- once per transaction: a bulk change queues one call per row
	if current_setting('tsunagu.public_practices_bumped', true) is distinct from txid_current()::text then
		perform set_config('tsunagu.public_practices_bumped', txid_current()::text, true);
		update private.public_practices_version set version = version + 1;
	end if;
	return null;
end $$;
revoke execute on function private.bump_public_practices_version() from public, anon, authenticated;

create constraint trigger practices_public_practices_version after insert or update or delete on public.practices
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger practice_photos_public_practices_version
	after insert or update or delete on public.practice_photos
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger practice_areas_public_practices_version
	after insert or update or delete on public.practice_areas
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger practice_fields_public_practices_version
	after insert or update or delete on public.practice_fields
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger practice_partners_public_practices_version
	after insert or update or delete on public.practice_partners
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger organizations_public_practices_version
	after insert or update or delete on public.organizations
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger areas_public_practices_version after insert or update or delete on public.areas
	deferrable initially deferred for each row execute function private.bump_public_practices_version();
create constraint trigger fields_public_practices_version after insert or update or delete on public.fields
	deferrable initially deferred for each row execute function private.bump_public_practices_version();

-- The number, for everybody: it says only that something public changed.
create function public.public_practices_version() returns bigint
language sql stable security definer set search_path = '' as $$
	select version from private.public_practices_version
$$;
revoke execute on function public.public_practices_version() from public;
grant execute on function public.public_practices_version() to anon, authenticated, service_role;
