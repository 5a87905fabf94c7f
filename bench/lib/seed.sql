-- The benchmark's dataset (issue 13), added to a stack that has supabase/seed.sql loaded.
-- Run by bench/lib/seed.ts: one session, one transaction, statement by statement, each
-- `-- step:` block timed. The scale comes from `set bench.scale` (1 = L, 0.1 = M, 0.01 = S).
--
-- Rows are written in bulk (insert … select … from generate_series) with the tables' user
-- triggers disabled inside the transaction (other sessions never see them disabled: the
-- ALTER TABLEs are part of it). Foreign keys, checks, unique indexes and generated columns
-- stay in force. What the triggers would have maintained is filled in bulk here instead:
-- owners of organizations, occurrences' going_count/waiting_count, threads' post_count,
-- reply_count, last_posted_at and search_text, thread follows of post authors, practices'
-- published snapshots. What they would have sent (notifications, mail jobs) is not made.
--
-- Ids are deterministic v4-shaped UUIDs (pg_temp.uid(kind, n)): increasing within a table,
-- which keeps the b-tree inserts at the right edge. Seed a fresh stack once.

-- step: prepare
set local work_mem = '128MB';
set local maintenance_work_mem = '256MB';
set local synchronous_commit = off;
select setseed(0.4242);

create function pg_temp.uid(kind integer, n bigint) returns uuid
language sql immutable as $$
	select (lpad(to_hex(kind), 8, '0') || '-b3c0-4000-8000-' || lpad(to_hex(n), 12, '0'))::uuid
$$;

-- A short code per event from its number: 3^18 is odd, so n -> n * 3^18 mod 2^30 is a
-- bijection, then six symbols of the alphabet of private.new_event_short_code().
create function pg_temp.code(n bigint, salt bigint) returns text
language sql immutable as $$
	select string_agg(substr('23456789abcdefghijkmnpqrstuvwxyz',
		(((n * 387420489 + salt) % 1073741824) >> (5 * i) & 31)::integer + 1, 1), '' order by i)
	from generate_series(0, 5) i
$$;

create temp table sz as
select s as scale,
	greatest(round(50000 * s), 500)::integer as members,
	greatest(round(2000 * s), 10)::integer as orgs,
	greatest(round(100000 * s), 100)::integer as events,
	greatest(round(5000 * s), 20)::integer as practices,
	greatest(round(500000 * s), 1000)::integer as registrations,
	greatest(round(20000 * s), 20)::integer as threads,
	greatest(round(200000 * s), 1400)::integer as posts,
	'00000000-0000-4000-8000-000000000002'::uuid as coordinator,
	-- one timestamp for the whole run (now() is the transaction's anyway)
	now() as t0
from (select current_setting('bench.scale')::numeric as s) x;

-- Areas in order of activity (the busiest first: 常盤平), fields likewise.
create temp table ar as
select row_number() over (order by (slug <> 'tokiwadaira'), (slug <> 'shin-matsudo'), sort_order, slug)::integer as i,
	id, slug, name_ja
from public.areas where retired_at is null;
create temp table fl as
select row_number() over (order by (slug <> 'elderly'), (slug <> 'welfare'), (slug <> 'children'), sort_order, slug)::integer as i,
	id, slug, name_ja
from public.fields where retired_at is null;

create temp table v as
select
	array['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤','吉田','山田','佐々木','山口','松本',
		'井上','木村','林','斎藤','清水','山崎','森','池田','橋本','阿部','石川','山下','中島','石井','小川'] as surnames,
	array['花子','健','陽子','大輔','恵子','翔太','美穂','誠','由美','拓也','直子','浩','明美','剛','さくら',
		'蓮','結衣','悠斗','和子','勝','幸子','茂','優子','隆','千尋','翼','真理','修','愛','聡'] as given,
	array['子ども食堂の会','見守りネットワーク','ふれあいサロン','自治会','町会','子育てひろば','防災会',
		'高齢者クラブ','ボランティアの会','学習支援の会','多文化交流の会','体操クラブ','環境を守る会','地域食堂',
		'傾聴ボランティア','まちづくり協議会','NPO法人 つながり','社会福祉法人 ひだまり会','こども未来塾','農園クラブ'] as org_suffixes,
	array['resident_group','resident_group','resident_group','resident_group','npo','npo','social_welfare',
		'business','care_provider','care_provider','school','municipality','other']::public.organization_kind[] as org_kinds,
	array['地域づくりフォーラム','健康体操','子ども食堂','ふれあいサロン','防災訓練','認知症カフェ','子育てひろば',
		'傾聴ボランティア講座','多文化交流会','学習支援教室','まち歩き','介護予防教室','清掃ボランティア','農園づくり',
		'スマホ相談会','男の料理教室','障害者スポーツ体験','就労相談会','おしゃべり会','防犯パトロール'] as ev_titles,
	array['forum','workshop','volunteer','salon','other','salon','salon',
		'workshop','salon','volunteer','other','workshop','volunteer','volunteer',
		'workshop','workshop','other','meeting','salon','volunteer']::public.event_kind[] as ev_kinds,
	array['市民センター','地区社協 会議室','第1集会所','コミュニティ会館','公民館 和室','福祉会館 ホール',
		'小学校 体育館','図書館 集会室','子育て支援センター','商店街 空き店舗'] as venues,
	array['どなたでも参加できます。','初めての方も歓迎です。','お気軽にお越しください。',
		'地域の皆さんと一緒に楽しい時間を過ごしましょう。','予約は不要です。','定員になり次第締め切ります。',
		'動きやすい服装でお越しください。','お子さま連れでも大丈夫です。','手話通訳があります。',
		'車いすでも参加できます。','終わったあとにお茶会があります。','参加費は材料費のみです。'] as sentences,
	array['無料','無料','無料','100円','300円','500円','材料費 200円'] as fees,
	array['について教えてください','の情報を共有します','の参加者を募集しています','で困っています',
		'のボランティアを探しています','の報告','の感想','に参加しました','をやってみませんか','の進め方について'] as th_suffixes,
	array['ありがとうございます。とても参考になりました。','私も参加したいです。','先週の会はとても楽しかったです。',
		'場所はどこになりますか？','駐車場はありますか？','次回はいつですか？','子どもと一緒でも大丈夫でしょうか。',
		'地域の集会所で同じような取り組みをしています。','よろしくお願いします。','資料を共有していただけると助かります。',
		'高齢の母も楽しみにしています。','ボランティアとして手伝えます。','雨の場合はどうなりますか？',
		'前回の様子を写真で見ました。','皆さんのおかげで無事に終わりました。'] as replies,
	array['子ども食堂','みんなの食堂','地域食堂','ふれあいサロン','見守り活動','学習支援','子育てひろば',
		'認知症カフェ','防災マップづくり','買い物支援','多文化交流','傾聴ボランティア','介護予防体操',
		'空き家活用','農園づくり','居場所づくり','配食サービス','ごみ拾い','おもちゃの病院','放課後の遊び場'] as pr_titles,
	array['children','youth','parents','elderly','disability','caregivers','foreign_residents','everyone'] as audiences,
	array['毎月第2土曜日','毎週水曜日','月に1回','年に4回','毎週日曜日の午前','隔週金曜日'] as frequencies,
	array['参加者数','開催回数','ボランティア数','協力団体数','配食数'] as figure_labels,
	array['人','回','人','団体','食'] as figure_units,
	(select array_agg(t.name order by t.area_id, t.sort_order) from public.area_towns t) as towns;

create temp table pw as
select password_hash from public.credentials where email = 'member@tsunagu.example';

-- step: disable triggers
alter table public.profiles disable trigger user;
alter table public.credentials disable trigger user;
alter table public.organizations disable trigger user;
alter table public.organization_areas disable trigger user;
alter table public.organization_fields disable trigger user;
alter table public.organization_members disable trigger user;
alter table public.events disable trigger user;
alter table public.event_fields disable trigger user;
alter table public.event_occurrences disable trigger user;
alter table public.registrations disable trigger user;
alter table public.threads disable trigger user;
alter table public.thread_fields disable trigger user;
alter table public.posts disable trigger user;
alter table public.practices disable trigger user;
alter table public.practice_areas disable trigger user;
alter table public.practice_fields disable trigger user;
alter table public.practice_figures disable trigger user;

-- step: members
-- Member n: profile + credentials (the demo member's password). Every 37th is unconfirmed.
insert into public.profiles (id, display_name, role, created_at, updated_at, bio, listed, locale)
select pg_temp.uid(1, n),
	v.surnames[1 + (n * 7) % 30] || ' ' || v.given[1 + (n * 13 / 30) % 30],
	'member', c, c,
	case when n % 5 = 0 then '地域の活動に参加しています。' else '' end,
	n % 5 = 0, 'ja'
from (select n, sz.t0 - random() * interval '3650 days' as c from sz, generate_series(1, sz.members) n) m, v;

insert into public.credentials (user_id, email, password_hash, updated_at, email_verified_at)
select p.id, 'bench-member-' || n || '@tsunagu.example', pw.password_hash, p.created_at,
	case when n % 37 <> 5 then p.created_at + interval '10 minutes' end
from sz, generate_series(1, sz.members) n, pw, public.profiles p
where p.id = pg_temp.uid(1, n);

insert into public.profile_areas (profile_id, area_id)
select pg_temp.uid(1, n), ar.id
from (select n, 1 + floor(15 * random() ^ 2)::integer as a from sz, generate_series(1, sz.members) n) m
join ar on ar.i = m.a
where n % 5 < 3;

-- step: organizations
-- Organization n is owned by member n (so members 1..orgs are organisers).
create temp table org as
select n, pg_temp.uid(2, n) as id, pg_temp.uid(1, n) as owner,
	sz.t0 - (0.1 + 0.9 * random()) * interval '3650 days' as created_at,
	1 + floor(15 * random() ^ 2)::integer as area_i,
	random() as r
from sz, generate_series(1, sz.orgs) n;

insert into public.organizations (id, slug, name, kana, kind, municipality_wide, description, contact_email,
	contact_phone, verified_at, verified_by, created_by, created_at, updated_at)
select org.id, 'bench-org-' || org.n,
	v.towns[1 + (org.n * 31) % cardinality(v.towns)] || v.org_suffixes[1 + (org.n * 7) % 20],
	null,
	v.org_kinds[1 + (org.n * 11) % 13],
	org.r < 0.05,
	v.sentences[1 + org.n % 12] || E'\n\n' || v.sentences[1 + (org.n * 5) % 12],
	case when org.r < 0.5 then 'org' || org.n || '@tsunagu.example' end,
	case when org.r > 0.3 then '047-100-' || lpad((org.n % 10000)::text, 4, '0') end,
	case when org.r < 0.7 then org.created_at + interval '2 days' end,
	case when org.r < 0.7 then sz.coordinator end,
	org.owner, org.created_at, org.created_at
from org, v, sz;

insert into public.organization_areas (organization_id, area_id)
select distinct org.id, ar.id
from org, generate_series(0, 1) k, ar
where ar.i = case when k = 0 then org.area_i else 1 + (org.area_i + org.n) % 15 end
	and (k = 0 or org.n % 3 = 0);

insert into public.organization_fields (organization_id, field_id)
select distinct org.id, fl.id
from org, generate_series(0, 2) k, fl
where fl.i = 1 + (org.n * (k + 3) + k * 5) % 16 and k <= org.n % 3;

insert into public.organization_members (organization_id, user_id, role, created_at)
select org.id, org.owner, 'owner', org.created_at from org
union all
select x.id, x.user_id, x.role, x.created_at from (
	select distinct on (org.id, u.user_id) org.id, u.user_id,
		(case when k <= 2 then 'editor' else 'member' end)::public.organization_role as role,
		org.created_at + k * interval '20 days' as created_at
	from org, sz, generate_series(1, 2 + (org.n * 5) % 7) k,
		lateral (select pg_temp.uid(1, 1 + (sz.orgs + org.n * 97 + k * 1009) % sz.members) as user_id) u
	where u.user_id <> org.owner
	order by org.id, u.user_id, k
) x;

-- step: events
-- Event 1 is the popular one: upcoming, published, capacity 500, in the busiest area and field.
-- 10% recurring (n % 10 = 0), starts spread over 10 years with 20% in the future.
create temp table ev as
select e.*,
	(e.day + e.hour * interval '1 hour') at time zone 'Asia/Tokyo' as starts_at,
	(e.day + e.hour * interval '1 hour' + e.mins * interval '1 minute') at time zone 'Asia/Tokyo' as ends_at
from (
	select n, pg_temp.uid(3, n) as id,
		case when n = 1 then (sz.t0 at time zone 'Asia/Tokyo')::date + 10
			else (sz.t0 at time zone 'Asia/Tokyo')::date - 2922 + floor(r1 * 3652)::integer end as day,
		case when n = 1 then 14 else (array[10, 10, 13, 14, 18, 9])[1 + (n * 7) % 6] end as hour,
		(array[90, 120, 120, 180, 60])[1 + n % 5] as mins,
		n % 10 = 0 as recurring,
		case when n % 10 = 0 then
			case when r2 < 0.6 then 'W' else 'M' end end as freq,
		case when n % 10 = 0 then
			case when r2 < 0.6 then 4 + floor(r3 * 27)::integer else 3 + floor(r3 * 10)::integer end
			else 1 end as cnt,
		case when n = 1 then 1 else 1 + floor(15 * r4 ^ 2)::integer end as area_i,
		case when n = 1 or r5 < 0.85 then
			case when n = 1 then 1 else 1 + floor(sz.orgs * r6 ^ 1.5)::integer end end as org_n,
		case when n = 1 or r7 < 0.94 then 'published' when r7 < 0.97 then 'cancelled' else 'draft' end::public.event_status as status,
		case when n = 1 then 500 when r8 < 0.55 then (array[8, 10, 12, 15, 20, 20, 25, 30, 40, 50, 80])[1 + floor(r9 * 11)::integer] end as capacity,
		n = 1 or r9 < 0.85 as waitlist_enabled,
		case when n = 1 then 0 else 1 + floor(20 * r10)::integer end as title_i,
		r5 as r
	from sz, lateral (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
		random() r7, random() r8, random() r9, random() r10 from generate_series(1, sz.events) n) g
) e;
-- a monthly series keeps to days every month has
update ev set day = day - 3 where freq = 'M' and extract(day from day) > 28;
update ev set starts_at = (day + hour * interval '1 hour') at time zone 'Asia/Tokyo',
	ends_at = (day + hour * interval '1 hour' + mins * interval '1 minute') at time zone 'Asia/Tokyo'
where freq = 'M';

insert into public.events (id, title, kind, summary, body, starts_at, ends_at, all_day, rrule, venue_name,
	venue_address, online_url, area_id, organization_id, organizer_id, capacity, waitlist_enabled, audience_note,
	accessibility, contact_name, contact_phone, status, cancel_reason, published_at, created_at, updated_at, fee,
	short_code)
select ev.id,
	case when ev.n = 1 then ar.name_ja || '地区 地域づくりフォーラム'
		else ar.name_ja || ' ' || v.ev_titles[ev.title_i] end,
	case when ev.n = 1 then 'forum' else v.ev_kinds[ev.title_i] end::public.event_kind,
	v.ev_titles[greatest(ev.title_i, 1)] || 'を開きます。' || v.sentences[1 + ev.n % 12],
	v.sentences[1 + ev.n % 12] || E'\n\n- ' || v.sentences[1 + (ev.n * 7) % 12] || E'\n- '
		|| v.sentences[1 + (ev.n * 5) % 12] || E'\n\n**' || v.sentences[1 + (ev.n * 11) % 12] || '**',
	ev.starts_at, ev.ends_at, false,
	case ev.freq
		when 'W' then 'FREQ=WEEKLY;BYDAY=' || (array['MO','TU','WE','TH','FR','SA','SU'])[extract(isodow from ev.day)::integer]
			|| ';COUNT=' || ev.cnt
		when 'M' then 'FREQ=MONTHLY;BYMONTHDAY=' || extract(day from ev.day)::integer || ';COUNT=' || ev.cnt
	end,
	case when ev.n % 33 <> 7 then ar.name_ja || v.venues[1 + (ev.n * 3) % 10] end,
	case when ev.n % 33 <> 7 then '千葉県松戸市' || v.towns[1 + (ev.n * 17) % cardinality(v.towns)] end,
	case when ev.n % 12 = 5 or ev.n % 33 = 7 then 'https://meet.tsunagu.example/bench-' || ev.n end,
	ar.id, org.id, coalesce(org.owner, pg_temp.uid(1, 1 + (ev.n * 7919) % sz.members)),
	ev.capacity, ev.waitlist_enabled,
	case when ev.n % 4 = 0 then 'どなたでも' end,
	case when ev.n % 3 = 0 then '段差なし・車いす可' end,
	case when ev.n % 3 <> 1 then v.surnames[1 + ev.n % 30] end,
	case when ev.n % 3 = 0 then '047-200-' || lpad((ev.n % 10000)::text, 4, '0') end,
	ev.status,
	case when ev.status = 'cancelled' then '講師の都合により中止します。' end,
	case when ev.status <> 'draft' then c.created_at end,
	c.created_at, c.created_at,
	v.fees[1 + ev.n % 7],
	case when exists (select 1 from public.events x where x.short_code = pg_temp.code(ev.n, 12345))
		then pg_temp.code(ev.n, 777777) else pg_temp.code(ev.n, 12345) end
from ev
join ar on ar.i = ev.area_i
left join org on org.n = ev.org_n
cross join v cross join sz
cross join lateral (select least(ev.starts_at - (7 + (ev.n % 50)) * interval '1 day',
	sz.t0 - (ev.n % 97) * interval '1 hour') as created_at) c
order by ev.n;

-- 1 to 3 fields each, the busiest first more often; the popular event has the busiest field
insert into public.event_fields (event_id, field_id)
select distinct ev.id, fl.id
from ev, generate_series(0, 2) k, fl
where k <= ev.n % 3 and fl.i = case when ev.n = 1 and k = 0 then 1
	else 1 + floor(16 * ((((ev.n * 2654435761 + k * 40503) % 1000003) / 1000003.0) ^ 1.7))::integer end;

-- step: occurrences
create temp table occ as
select pg_temp.uid(4, ev.n * 64 + i) as id, ev.id as event_id, ev.n, i,
	case ev.freq when 'M' then ((ev.day + make_interval(months => i)) + ev.hour * interval '1 hour') at time zone 'Asia/Tokyo'
		else ev.starts_at + i * interval '7 days' end as starts_at,
	ev.mins
from ev, generate_series(0, ev.cnt - 1) i;

-- area_id, organization_id: the event's (trigger event_occurrences_area, off here)
insert into public.event_occurrences (id, event_id, starts_at, ends_at, original_starts_at, status, cancel_reason,
	area_id, organization_id)
select occ.id, occ.event_id, occ.starts_at, occ.starts_at + occ.mins * interval '1 minute', occ.starts_at,
	case when occ.i > 0 and (occ.n * 31 + occ.i) % 97 = 0 then 'cancelled' else 'scheduled' end::public.occurrence_status,
	case when occ.i > 0 and (occ.n * 31 + occ.i) % 97 = 0 then '会場の都合により、この日は休みます。' end,
	e.area_id, e.organization_id
from occ join public.events e on e.id = occ.event_id order by occ.id;

-- a field's dates (triggers event_occurrences_fields and event_fields_dates, off here)
insert into private.occurrence_fields (field_id, occurrence_id, event_id, area_id, starts_at)
select f.field_id, o.id, o.event_id, o.area_id, o.starts_at
from public.event_occurrences o join public.event_fields f on f.event_id = o.event_id
where o.event_id in (select id from ev)
order by 1, 2;
analyze private.occurrence_fields;

-- step: registrations
-- Dates taking registrations get a share of the total by a weight around their capacity
-- (up to 1.5 times it: some full, with waiting lists); the popular event's 500 come on top.
create temp table ow as
select occ.id, occ.n, occ.starts_at, ev.capacity, ev.waitlist_enabled,
	coalesce(ev.capacity, 30) * (0.1 + 1.4 * random() ^ 2) as w,
	random() as u, floor(random() * 1000000)::bigint as h
from occ join ev on ev.id = occ.event_id
join public.event_occurrences o on o.id = occ.id
where ev.status = 'published' and o.status = 'scheduled' and ev.n <> 1
	and (ev.capacity is not null or occ.n % 7 = 0);

create temp table oc as
select ow.id, ow.n, ow.starts_at, ow.capacity, ow.waitlist_enabled, ow.h,
	(round(sum(ow.w) over (order by ow.id) * s.k) - round(coalesce(sum(ow.w) over (order by ow.id
		rows between unbounded preceding and 1 preceding), 0) * s.k))::integer as c
from ow, (
	-- keep enough dates that the weights add up to the target, then scale to it exactly
	select (sz.registrations - 500) / sum(w) filter (where u < least(1, (sz.registrations - 500) / sum_w)) as k,
		least(1, (sz.registrations - 500) / sum_w) as p
	from sz, ow, (select sum(w) as sum_w from ow) t
	group by sz.registrations, sum_w
) s
where ow.u < s.p;

create temp table rg as
select oc.id as occurrence_id, oc.n, k, oc.c, oc.capacity, oc.waitlist_enabled, oc.starts_at,
	r1, r2,
	case when r1 < 0.8 then 0 when r1 < 0.95 then 1 else 2 end as companions,
	r2 < 0.07 as cancelled,
	r2 > 0.92 as guest,
	least(oc.starts_at - interval '1 day', sz.t0 - interval '1 hour') - (oc.c - k + 1) * interval '47 minutes' as queued_at,
	pg_temp.uid(1, 1 + (oc.h + k * 13) % sz.members) as user_id
from oc, sz, lateral (select k, random() r1, random() r2 from generate_series(1, oc.c) k) g
where oc.c > 0;

create temp table rs as
select rg.*,
	case when cancelled then 'cancelled'
		when capacity is null or cum <= capacity then 'going'
		when waitlist_enabled then 'waitlisted'
		else 'cancelled' end::public.registration_status as status
from (
	select rg.*, sum(case when cancelled then 0 else 1 + companions end)
		over (partition by occurrence_id order by k) as cum
	from rg
) rg;

insert into public.registrations (id, occurrence_id, user_id, guest_name, guest_phone, companions, status,
	queued_at, attended, added_by, created_at, updated_at)
select pg_temp.uid(5, row_number() over ()), x.* from (
	select rs.occurrence_id,
		case when not rs.guest then rs.user_id end,
		case when rs.guest then v.surnames[1 + rs.k % 30] || ' ' || v.given[1 + (rs.k * 7) % 30] end,
		case when rs.guest and rs.r1 < 0.5 then '090-0000-' || lpad((rs.k % 10000)::text, 4, '0') end,
		rs.companions, rs.status, rs.queued_at,
		case when rs.status = 'going' and rs.starts_at < sz.t0 then rs.r2 < 0.85 end,
		case when rs.guest then e.organizer_id end,
		rs.queued_at, rs.queued_at
	from rs join public.event_occurrences o on o.id = rs.occurrence_id
	join public.events e on e.id = o.event_id, v, sz
	union all
	-- the popular event: members 1..500, each alone, all going: full
	select o.id, pg_temp.uid(1, k), null, null, 0, 'going', sz.t0 - (501 - k) * interval '13 minutes', null, null,
		sz.t0 - (501 - k) * interval '13 minutes', sz.t0 - (501 - k) * interval '13 minutes'
	from sz, generate_series(1, 500) k, public.event_occurrences o
	where o.event_id = pg_temp.uid(3, 1)
	order by 1, 7
) x;

update public.event_occurrences o set going_count = a.going, waiting_count = a.waiting
from (
	select r.occurrence_id,
		sum(case when r.status = 'going' then 1 + r.companions else 0 end)::integer as going,
		count(*) filter (where r.status = 'waitlisted')::integer as waiting
	from public.registrations r
	where r.id >= pg_temp.uid(5, 0) and r.id < pg_temp.uid(6, 0)
	group by r.occurrence_id
) a
where o.id = a.occurrence_id;

-- step: threads
-- Thread 1 has 1,000 posts, thread 2 is the popular event's comments (200); 8% of the others
-- are comment threads of published events; the rest of the posts spread skewed over the rest.
create temp table th as
select t.*,
	case when t.n = 1 then 1000 when t.n = 2 then 200 else null end::integer as c
from (
	select n, pg_temp.uid(6, n) as id,
		case when n = 2 then 1 when n > 2 and n % 12 = 3 and n < sz.events then n end as event_n,
		1 + floor(15 * r1 ^ 2)::integer as area_i,
		case when r2 < 0.3 then 1 + floor(sz.orgs * r3)::integer end as org_n,
		pg_temp.uid(1, 1 + floor(sz.members * r4 ^ 1.5)::integer) as author,
		case when n = 1 then sz.t0 - interval '300 days'
			when n = 2 then sz.t0 - interval '20 days'
			else sz.t0 - (0.02 + 0.98 * r5 ^ 1.5) * interval '3650 days' end as created_at,
		r6 as r, random() as w
	from sz, lateral (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6
		from generate_series(1, sz.threads) n) g
) t;
-- an event's comment thread only for a published event, started after it was published
update th set event_n = null
from ev where ev.n = th.event_n and ev.status <> 'published';
update th set author = e.organizer_id, area_i = ar.i, org_n = org.n,
	created_at = least(greatest(th.created_at, e.published_at + interval '1 day'), sz.t0 - interval '1 hour')
from sz, ev join public.events e on e.id = ev.id join ar on ar.id = e.area_id left join org on org.id = e.organization_id
where ev.n = th.event_n and th.n <> 1;
update th set created_at = sz.t0 - interval '20 days' from sz where th.n = 2;
update th set c = 1 + x.extra
from (
	select th.n, (round(sum(th.w ^ 3) over (order by th.n) * s.k)
		- round(coalesce(sum(th.w ^ 3) over (order by th.n rows between unbounded preceding and 1 preceding), 0) * s.k))::integer as extra
	from th, (
		select greatest(sz.posts - 1200 - (sz.threads - 2), 0) / sum(th.w ^ 3) as k
		from th, sz where th.n > 2 group by sz.posts, sz.threads
	) s
	where th.n > 2
) x
where x.n = th.n;

insert into public.threads (id, title, author_id, area_id, organization_id, event_id, is_question, created_at,
	last_posted_at, reply_count, post_count, search_text)
select th.id,
	case when th.event_n is not null then e.title
		when th.n = 1 then ar.name_ja || 'の子ども食堂について語りましょう'
		else ar.name_ja || 'の' || v.ev_titles[1 + th.n % 20] || v.th_suffixes[1 + (th.n * 7) % 10] end,
	th.author, ar.id, org.id, e.id,
	th.event_n is null and th.r < 0.2,
	th.created_at, th.created_at, 0, 0, ''
from th join ar on ar.i = th.area_i left join org on org.n = th.org_n
left join ev on ev.n = th.event_n left join public.events e on e.id = ev.id
cross join v
order by th.n;

insert into public.thread_fields (thread_id, field_id)
select th.id, f.field_id from th join ev on ev.n = th.event_n join public.event_fields f on f.event_id = ev.id
union
select th.id, fl.id from th, generate_series(0, 1) k, fl
where th.event_n is null and k <= th.n % 2
	and fl.i = case when th.n = 1 and k = 0 then 1 else 1 + (th.n * (k + 5) + k * 3) % 16 end;

-- step: posts
create temp table ps as
select th.id as thread_id, th.n, p, th.c,
	case when p = 1 then th.author
		else pg_temp.uid(1, 1 + floor(sz.members * random() ^ 2)::integer) end as author,
	th.created_at + (p - 1) * ((sz.t0 - th.created_at) * (case when th.n <= 2 then 0.98 else 0.2 + 0.75 * th.r end)
		/ greatest(th.c, 1)) as created_at,
	random() as r
from th, sz, generate_series(1, th.c) p;

insert into public.posts (id, thread_id, author_id, position, body, body_html, quote_of, created_at, deleted_at)
select pg_temp.uid(7, ps.n * 4096 + ps.p), ps.thread_id, ps.author, ps.p, b.body, '<p>' || b.body || '</p>',
	case when ps.p > 2 and ps.r < 0.1 then pg_temp.uid(7, ps.n * 4096 + ps.p - 1) end,
	ps.created_at,
	case when ps.p > 1 and ps.r > 0.99 then ps.created_at + interval '1 hour' end
from ps, v, lateral (select case when ps.p = 1 then v.sentences[1 + ps.n % 12] || v.replies[1 + ps.n % 15]
	else v.replies[1 + (ps.n * 7 + ps.p * 3) % 15] || case when ps.r < 0.3 then v.replies[1 + (ps.p * 11) % 15] else '' end
	end as body) b
order by 1;

update public.threads t set post_count = x.c, reply_count = x.c - 1, last_posted_at = x.last,
	search_text = private.search_normalize(t.title || ' ' || x.body)
from (
	select th.id, th.c, m.last, fp.body
	from th
	join (select thread_id, max(created_at) as last from ps group by thread_id) m on m.thread_id = th.id
	join public.posts fp on fp.thread_id = th.id and fp.position = 1
) x
where t.id = x.id;

update public.threads t set solved_post_id = pg_temp.uid(7, th.n * 4096 + 2)
from th where t.id = th.id and t.is_question and th.c >= 2 and th.r < 0.1;

insert into public.thread_follows (thread_id, user_id, following, created_at)
select thread_id, author, true, min(created_at) from ps group by thread_id, author
union all
select th.id, e.organizer_id, true, th.created_at
from th join ev on ev.n = th.event_n join public.events e on e.id = ev.id
on conflict (thread_id, user_id) do nothing;

-- step: practices
create temp table pr as
select n, pg_temp.uid(8, n) as id,
	1 + floor(sz.orgs * r1 ^ 1.3)::integer as org_n,
	case when r2 < 0.85 then 'published' when r2 < 0.90 then 'submitted' when r2 < 0.97 then 'draft' else 'returned' end
		::public.practice_status as status,
	1 + floor(20 * r3)::integer as title_i,
	1 + floor(15 * r4 ^ 2)::integer as area_i,
	(sz.t0 at time zone 'Asia/Tokyo')::date - 100 - floor(r5 * 3500)::integer as started_on,
	sz.t0 - (0.01 + 0.95 * r6) * interval '2000 days' as submitted_at,
	r7 as r
from sz, lateral (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
	random() r7 from generate_series(1, sz.practices) n) g;

insert into public.practices (id, lead_organization_id, author_id, status, title, summary, audiences, audience_note,
	frequency, venue, cost, funding, started_on, ended_on, story_origin, story_activities, story_outcomes,
	review_comment, reviewed_at, reviewed_by, submitted_at, published_at, published_by, created_at, updated_at)
select pr.id, org.id, org.owner, pr.status,
	ar.name_ja || 'の' || v.pr_titles[pr.title_i],
	v.pr_titles[pr.title_i] || 'を続けています。' || v.sentences[1 + pr.n % 12],
	array(select distinct v.audiences[1 + (pr.n * (k + 2)) % 8] from generate_series(0, pr.n % 2) k),
	case when pr.n % 4 = 0 then '地域にお住まいの方' end,
	v.frequencies[1 + pr.n % 6],
	ar.name_ja || v.venues[1 + (pr.n * 3) % 10],
	v.fees[1 + pr.n % 7],
	case when pr.n % 3 = 0 then '市の地域活動補助金' end,
	pr.started_on,
	case when pr.r < 0.1 then pr.started_on + 400 end,
	'地域の声から始まりました。' || v.sentences[1 + (pr.n * 5) % 12],
	-- some others mention a 食堂 in their story too
	v.sentences[1 + (pr.n * 7) % 12] || case when pr.r > 0.95 then '月に一度、食堂も開いています。' else '' end
		|| E'\n\n- ' || v.sentences[1 + (pr.n * 11) % 12],
	'参加者が少しずつ増えています。',
	case when pr.status = 'returned' then '活動の様子をもう少し詳しく書いてください。' end,
	case when pr.status = 'returned' then pr.submitted_at + interval '3 days' end,
	case when pr.status = 'returned' then sz.coordinator end,
	case when pr.status in ('submitted', 'published', 'returned') then pr.submitted_at end,
	case when pr.status = 'published' then pr.submitted_at + interval '3 days' end,
	case when pr.status = 'published' then sz.coordinator end,
	pr.submitted_at - interval '5 days',
	case when pr.status = 'published' then pr.submitted_at + interval '3 days' else pr.submitted_at end
from pr join org on org.n = pr.org_n join ar on ar.i = pr.area_i, v, sz
order by pr.n;

insert into public.practice_areas (practice_id, area_id)
select distinct pr.id, ar.id from pr, generate_series(0, 1) k, ar
where k <= (pr.n % 4) / 3 and ar.i = case when k = 0 then pr.area_i else 1 + (pr.area_i + pr.n) % 15 end;

insert into public.practice_fields (practice_id, field_id)
select distinct pr.id, fl.id from pr, generate_series(0, 2) k, fl
where k <= pr.n % 3 and fl.i = case when k = 0 and pr.title_i <= 3 then 3 else 1 + (pr.n * (k + 7) + k) % 16 end;

insert into public.practice_figures (practice_id, position, label, value, unit)
select pr.id, k, v.figure_labels[1 + (pr.n + k) % 5], 10 + (pr.n * 37 + k * 101) % 900, v.figure_units[1 + (pr.n + k) % 5]
from pr, v, generate_series(1, 1 + pr.n % 2) k;

update public.practices p set published_snapshot = private.practice_snapshot(p.id)
from pr where p.id = pr.id and pr.status = 'published';

-- the home page's featured six, unless some are featured already
update public.practices p set featured_position = f.pos
from (
	select pr.id, row_number() over (order by pr.n) as pos from pr where pr.status = 'published' order by pr.n limit 6
) f
where p.id = f.id and not exists (select 1 from public.practices x where x.featured_position is not null);

-- step: enable triggers
alter table public.profiles enable trigger user;
alter table public.credentials enable trigger user;
alter table public.organizations enable trigger user;
alter table public.organization_areas enable trigger user;
alter table public.organization_fields enable trigger user;
alter table public.organization_members enable trigger user;
alter table public.events enable trigger user;
alter table public.event_fields enable trigger user;
alter table public.event_occurrences enable trigger user;
alter table public.registrations enable trigger user;
alter table public.threads enable trigger user;
alter table public.thread_fields enable trigger user;
alter table public.posts enable trigger user;
alter table public.practices enable trigger user;
alter table public.practice_areas enable trigger user;
alter table public.practice_fields enable trigger user;
alter table public.practice_figures enable trigger user;
