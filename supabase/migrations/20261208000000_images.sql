-- Uploaded images (issue 12: practice photos, event covers, organization
-- logos). The app's server checks who may upload, processes the file with
-- sharp (src/lib/server/images/process.ts: type read from the content, rotated,
-- at most 1600 px, WebP copies at 400/800/1600 and one JPEG, every byte of
-- metadata dropped) and stores the copies here through save_image with the
-- service role. Stored in PostgreSQL so that the same code works on the local
-- stack and on hosted Supabase, without a storage service of its own.
--
-- An image's key is the SHA-256 of its largest WebP copy: its URL
-- (/images/<hash>/<width>.webp) changes when its content does, so it is served
-- with a year of immutable caching. The same upload twice is one image.
--
-- Reading: anyone. Images are shown on public pages; a draft's photos are
-- reachable only by someone who has been shown the draft's page (a 256-bit
-- content hash cannot be guessed, and PostgREST is reached only by the app's
-- server, which never lists images). Nothing private is in them: the metadata is
-- gone before they are stored. Writing: the service role only, through
-- save_image (both tables in one transaction); members and anon hold no write
-- privilege at all. Deleting images no longer referenced is left to the
-- features that reference them (a later job).

create table public.images (
	hash text primary key constraint images_hash_sha256 check (hash ~ '^[0-9a-f]{64}$'),
	width integer not null constraint images_width check (width between 1 and 1600),
	height integer not null constraint images_height check (height between 1 and 1600),
	uploaded_by uuid references public.profiles (id) on delete set null,
	created_at timestamptz not null default now()
);
create index images_uploaded_by_idx on public.images (uploaded_by);

create table public.image_variants (
	image_hash text not null references public.images (hash) on delete cascade,
	width integer not null constraint image_variants_width check (width between 1 and 1600),
	height integer not null constraint image_variants_height check (height between 1 and 1600),
	mime text not null constraint image_variants_mime check (mime in ('image/webp', 'image/jpeg')),
	bytes bytea not null constraint image_variants_bytes_size check (octet_length(bytes) between 1 and 5242880),
	-- the ETag; the database itself checks that it is the hash of the bytes
	sha256 text not null constraint image_variants_sha256 check (sha256 = encode(sha256(bytes), 'hex')),
	byte_size integer generated always as (octet_length(bytes)) stored,
	created_at timestamptz not null default now(),
	primary key (image_hash, width, mime)
);
-- WebP and JPEG do not compress further: keep them out of line, uncompressed
alter table public.image_variants alter column bytes set storage external;

alter table public.images enable row level security;
alter table public.image_variants enable row level security;

grant select, insert, update, delete on public.images, public.image_variants to service_role;
grant select on public.images, public.image_variants to anon, authenticated;

create policy "images: anyone reads" on public.images for select to anon, authenticated using (true);
create policy "image_variants: anyone reads" on public.image_variants
	for select to anon, authenticated using (true);

-- Stores an image and its copies in one transaction; storing the same image
-- again changes nothing (the first uploader stays). p_variants: a JSON array of
-- {width, height, mime, sha256, bytes} with bytes as hex.
create function public.save_image(
	p_hash text,
	p_width integer,
	p_height integer,
	p_uploaded_by uuid,
	p_variants jsonb
) returns text
language plpgsql
set search_path = ''
as $$
begin
	if jsonb_typeof(p_variants) is distinct from 'array' or jsonb_array_length(p_variants) = 0 then
		raise exception 'save_image: no variants' using errcode = '22023';
	end if;
	insert into public.images (hash, width, height, uploaded_by)
	values (p_hash, p_width, p_height, p_uploaded_by)
	on conflict (hash) do nothing;
	insert into public.image_variants (image_hash, width, height, mime, sha256, bytes)
	select p_hash, (v ->> 'width')::integer, (v ->> 'height')::integer, v ->> 'mime', v ->> 'sha256',
		decode(v ->> 'bytes', 'hex')
	from jsonb_array_elements(p_variants) as v
	on conflict (image_hash, width, mime) do nothing;
	return p_hash;
end;
$$;
revoke execute on function public.save_image(text, integer, integer, uuid, jsonb) from public, anon, authenticated;
grant execute on function public.save_image(text, integer, integer, uuid, jsonb) to service_role;
