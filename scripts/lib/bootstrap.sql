-- Local bootstrap: recreates only what a hosted Supabase project already has
-- (roles, default privileges, extensions, auth helpers, PostgREST reload
-- triggers), so that supabase/migrations run here exactly as on hosted.
-- Runs once per data directory, as the initdb superuser supabase_admin,
-- inside one transaction. It follows Supabase's own init scripts and migrations
-- (supabase/postgres migrations/db, the CLI's sandbox); docs/ARCHITECTURE.md,
-- "The local stack", says what differs.
-- Migrations must never create any of this.

alter role supabase_admin with superuser createdb createrole replication bypassrls;
alter role supabase_admin set search_path to "$user", public, auth, extensions;

-- postgres = the role `supabase db push` runs as on hosted: NOT a superuser
create role postgres with login nosuperuser createdb createrole replication bypassrls;
alter database postgres owner to postgres;
alter role postgres set search_path to "$user", public, extensions;
grant pg_read_all_data, pg_signal_backend, pg_monitor to postgres;

-- Data API roles
create role anon          nologin inherit;
create role authenticated nologin inherit;
create role service_role  nologin inherit bypassrls;
create role authenticator with login noinherit;
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;
alter role anon          set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout      = '8s';

-- schema public: the legacy defaults, then the 2026 "no auto-expose" revoke
grant usage on schema public to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on tables    to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables    to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to postgres, anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke select, insert, update, delete on tables from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke usage, select on sequences from anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  revoke execute on functions from anon, authenticated, service_role;

-- extensions schema
create schema if not exists extensions authorization postgres;
create extension if not exists "uuid-ossp" with schema extensions;
create extension if not exists pgcrypto    with schema extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;

-- auth schema + helpers
create schema if not exists auth authorization supabase_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;
create or replace function auth.uid() returns uuid language sql stable set search_path to '' as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid $$;
create or replace function auth.role() returns text language sql stable set search_path to '' as $$
  select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text $$;
create or replace function auth.email() returns text language sql stable set search_path to '' as $$
  select coalesce(nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text $$;
create or replace function auth.jwt() returns jsonb language sql stable set search_path to '' as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), ''))::jsonb $$;

-- PostgREST schema-cache auto-reload
create or replace function extensions.pgrst_ddl_watch() returns event_trigger language plpgsql as $$
declare cmd record;
begin
  for cmd in select * from pg_event_trigger_ddl_commands() loop
    if cmd.command_tag in ('CREATE SCHEMA','ALTER SCHEMA','CREATE TABLE','CREATE TABLE AS','SELECT INTO',
        'ALTER TABLE','CREATE FOREIGN TABLE','ALTER FOREIGN TABLE','CREATE VIEW','ALTER VIEW',
        'CREATE MATERIALIZED VIEW','ALTER MATERIALIZED VIEW','CREATE FUNCTION','ALTER FUNCTION',
        'CREATE TYPE','ALTER TYPE','CREATE RULE','COMMENT')
       and coalesce(cmd.schema_name, '') not in ('pg_temp','auth','realtime','_realtime','storage')
       or (cmd.command_tag = 'CREATE TRIGGER' and cmd.object_identity not like '% pg\_temp.%')
    then notify pgrst, 'reload schema'; end if;
  end loop;
end $$;
create or replace function extensions.pgrst_drop_watch() returns event_trigger language plpgsql as $$
declare obj record;
begin
  for obj in select * from pg_event_trigger_dropped_objects() loop
    if obj.object_type in ('schema','table','foreign table','view','materialized view','function','type','rule')
       and obj.is_temporary is false
       and coalesce(obj.schema_name, '') not in ('auth','realtime','_realtime','storage')
       or (obj.object_type = 'trigger' and obj.object_identity not like '% pg\_temp.%')
    then notify pgrst, 'reload schema'; end if;
  end loop;
end $$;
create event trigger pgrst_ddl_watch  on ddl_command_end execute procedure extensions.pgrst_ddl_watch();
create event trigger pgrst_drop_watch on sql_drop        execute procedure extensions.pgrst_drop_watch();
