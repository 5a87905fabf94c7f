-- Demo data for local development and tests. Every person here is fictional.
-- Loaded once per local database by `supabase db push --include-seed`;
-- never loaded into a real project. Safe to re-run.

-- Demo accounts (passwords are listed in README.md):
--   member@tsunagu.example       tsunagu-member-2026
--   coordinator@tsunagu.example  tsunagu-coordinator-2026
--   admin@tsunagu.example        tsunagu-admin-2026
insert into public.profiles (id, display_name, role) values
	('00000000-0000-4000-8000-000000000001', '山田 花子', 'member'),
	('00000000-0000-4000-8000-000000000002', '佐藤 健 (コーディネーター)', 'coordinator'),
	('00000000-0000-4000-8000-000000000003', 'つなぐ 管理者', 'admin')
on conflict (id) do nothing;

insert into public.credentials (user_id, email, password_hash) values
	('00000000-0000-4000-8000-000000000001', 'member@tsunagu.example',
		'$argon2id$v=19$m=19456,t=2,p=1$TOf4LR1J1LkmHJu/sd8IGA$2CesOZ4A9Q5xcwQcinFKjDvciF4w1fKYQZYyhMZg+jQ'),
	('00000000-0000-4000-8000-000000000002', 'coordinator@tsunagu.example',
		'$argon2id$v=19$m=19456,t=2,p=1$086/W5kj85tOuO/dDIfBUw$uLkCk+Jf9qQW33SmUG7gnyVmG1Dloukf5QabO3s5XWs'),
	('00000000-0000-4000-8000-000000000003', 'admin@tsunagu.example',
		'$argon2id$v=19$m=19456,t=2,p=1$Z/0paZtK5SXpvk03oQvjtg$+HhXBi1MjqapZtiU5JqMKbmF9XgF8EqXRIgwWKI5akA')
on conflict (user_id) do nothing;

-- Matsudo's 15 areas (圏域). Real public place names.
insert into public.areas (slug, name_ja, name_en, kana, sort_order) values
	('mei-1', '明第1', 'Mei 1', 'めいだいいち', 10),
	('mei-2-higashi', '明第2東', 'Mei 2 East', 'めいだいにひがし', 20),
	('mei-2-nishi', '明第2西', 'Mei 2 West', 'めいだいににし', 30),
	('honcho', '本庁', 'Honcho', 'ほんちょう', 40),
	('yagiri', '矢切', 'Yagiri', 'やぎり', 50),
	('tobu', '東部', 'Tobu', 'とうぶ', 60),
	('mabashi', '馬橋', 'Mabashi', 'まばし', 70),
	('mabashi-nishi', '馬橋西', 'Mabashi West', 'まばしにし', 80),
	('tokiwadaira', '常盤平', 'Tokiwadaira', 'ときわだいら', 90),
	('tokiwadaira-danchi', '常盤平団地', 'Tokiwadaira Danchi', 'ときわだいらだんち', 100),
	('goko-matsuhidai', '五香松飛台', 'Goko-Matsuhidai', 'ごこうまつひだい', 110),
	('mutsumi-mutsutakadai', '六実六高台', 'Mutsumi-Mutsutakadai', 'むつみむつたかだい', 120),
	('kogane', '小金', 'Kogane', 'こがね', 130),
	('koganehara', '小金原', 'Koganehara', 'こがねはら', 140),
	('shin-matsudo', '新松戸', 'Shin-Matsudo', 'しんまつど', 150)
on conflict (slug) do nothing;

-- The 16 fields (分野) of the platform (docs/ARCHITECTURE.md, "Domain language").
insert into public.fields (slug, name_ja, name_en, sort_order, color) values
	('welfare', '福祉', 'Welfare', 10, 'blue'),
	('children', '子ども・子育て', 'Children & parenting', 20, 'orange'),
	('elderly', '高齢者', 'Older people', 30, 'purple'),
	('disability', '障害', 'Disability', 40, 'cyan'),
	('livelihood', 'くらし・生活困窮', 'Livelihood', 50, 'red'),
	('health', '健康・医療', 'Health', 60, 'green'),
	('education', '教育・学び', 'Education', 70, 'light-blue'),
	('work', 'しごと・就労', 'Work', 80, 'yellow'),
	('housing', '住まい', 'Housing', 90, 'lime'),
	('agriculture', '農業', 'Agriculture', 100, 'green'),
	('tourism', '観光', 'Tourism', 110, 'magenta'),
	('town-development', 'まちづくり', 'Town development', 120, 'blue'),
	('environment', '環境', 'Environment', 130, 'lime'),
	('multicultural', '多文化共生', 'Multicultural living', 140, 'purple'),
	('disaster-prevention', '防災', 'Disaster prevention', 150, 'red'),
	('culture-sport', '文化・スポーツ', 'Culture & sport', 160, 'cyan')
on conflict (slug) do nothing;

-- Demo organizations (fictional), owned by the demo member.
insert into public.organizations (id, slug, name, kana, kind, municipality_wide, description,
	contact_email, contact_phone, created_by, verified_at, verified_by) values
	('10000000-0000-4000-8000-000000000001', 'tokiwadaira-kodomo-shokudo', '常盤平こども食堂の会',
		'ときわだいらこどもしょくどうのかい', 'resident_group', false,
		E'毎月第2・第4土曜日に、集会所で子ども食堂を開いています。\n\n**どなたでも**ボランティアとして参加できます。',
		'kodomo-shokudo@tsunagu.example', '047-000-0001', '00000000-0000-4000-8000-000000000001', now(),
		'00000000-0000-4000-8000-000000000002'),
	('10000000-0000-4000-8000-000000000002', 'shin-matsudo-mimamori', '新松戸見守りネットワーク',
		'しんまつどみまもりねっとわーく', 'npo', false,
		'高齢者の見守りと、ちょっとした困りごとのお手伝いをしています。', null, null,
		'00000000-0000-4000-8000-000000000001', null, null),
	('10000000-0000-4000-8000-000000000003', 'tabunka-salon', 'まつど多文化交流サロン',
		'まつどたぶんかこうりゅうさろん', 'other', true,
		'外国にルーツのある住民と地域の人が、お茶を飲みながら話す場です。', null, null,
		'00000000-0000-4000-8000-000000000001', null, null)
on conflict (id) do nothing;

-- The city's own department (a real public department name; the people are
-- fictional): the demo forum is the city's, not a person's. Its creator, the
-- demo coordinator, becomes its owner (private.add_creator_as_owner).
insert into public.organizations (id, slug, name, kana, kind, municipality_wide, description,
	contact_phone, created_by, verified_at, verified_by) values
	('10000000-0000-4000-8000-000000000004', 'matsudo-chiiki-houkatsu-care',
		'松戸市 福祉長寿部 地域包括ケア推進課', 'まつどし ふくしちょうじゅぶ ちいきほうかつけあすいしんか',
		'municipality', true,
		E'地域づくりフォーラムや、地域の支え合いの取り組みを応援しています。\n\nお問い合わせは平日の日中に、お電話でどうぞ。',
		'047-000-0002', '00000000-0000-4000-8000-000000000002', now(), '00000000-0000-4000-8000-000000000002')
on conflict (id) do nothing;

insert into public.organization_areas (organization_id, area_id)
	select '10000000-0000-4000-8000-000000000001'::uuid, id from public.areas
		where slug in ('tokiwadaira', 'tokiwadaira-danchi')
	union all
	select '10000000-0000-4000-8000-000000000002'::uuid, id from public.areas where slug = 'shin-matsudo'
on conflict do nothing;

insert into public.organization_fields (organization_id, field_id)
	select '10000000-0000-4000-8000-000000000001'::uuid, id from public.fields where slug in ('children', 'welfare')
	union all
	select '10000000-0000-4000-8000-000000000002'::uuid, id from public.fields where slug in ('elderly', 'welfare')
	union all
	select '10000000-0000-4000-8000-000000000003'::uuid, id from public.fields where slug in ('multicultural', 'culture-sport')
	union all
	select '10000000-0000-4000-8000-000000000004'::uuid, id from public.fields where slug in ('welfare', 'town-development')
on conflict do nothing;

update public.profiles set listed = true, bio = '常盤平で子ども食堂を運営しています。'
	where id = '00000000-0000-4000-8000-000000000001';

-- Demo events, dated from the day the seed is loaded so that there is always something upcoming.
with base as (
	-- next Saturday 10:00 in Tokyo
	select (date_trunc('week', now() at time zone 'Asia/Tokyo') + interval '12 days' + interval '10 hours')
		at time zone 'Asia/Tokyo' as saturday,
		(date_trunc('week', now() at time zone 'Asia/Tokyo') + interval '16 days' + interval '14 hours')
		at time zone 'Asia/Tokyo' as forum_day
)
insert into public.events (id, title, kind, summary, body, starts_at, ends_at, rrule, venue_name, venue_address,
	online_url, area_id, organization_id, organizer_id, capacity, waitlist_enabled, audience_note, accessibility,
	contact_name, contact_phone, fee, belongings, how_to_apply, status)
select '20000000-0000-4000-8000-000000000001'::uuid, 'こども食堂 ボランティアデー', 'volunteer'::public.event_kind,
		'子ども食堂の調理と配膳を一緒にしませんか。初めての方も歓迎です。',
		E'毎週土曜日の午前、集会所で子ども食堂の準備をします。\n\n- エプロンをお持ちください\n- 中学生以上の方が対象です',
		base.saturday, base.saturday + interval '3 hours', 'FREQ=WEEKLY;BYDAY=SA;COUNT=8',
		'常盤平団地 第2集会所', '千葉県松戸市常盤平団地', null,
		(select id from public.areas where slug = 'tokiwadaira-danchi'),
		'10000000-0000-4000-8000-000000000001'::uuid, '00000000-0000-4000-8000-000000000001'::uuid, 6, true,
		'中学生以上・初めての方歓迎', '集会所は1階・段差なし', '山田', '047-000-0001', '無料',
		'エプロン、三角巾、飲み物', null, 'published'::public.event_status
	from base
union all
select '20000000-0000-4000-8000-000000000002'::uuid, '常盤平地区 地域づくりフォーラム', 'forum'::public.event_kind,
		'子ども・高齢者・障害のある人の居場所について、みんなで話し合います。',
		E'地区の住民、団体、事業者、市役所が集まり、これからの地域づくりを話し合います。\n\n**手話通訳**があります。',
		base.forum_day, base.forum_day + interval '2 hours', null,
		'常盤平市民センター', '千葉県松戸市常盤平3-30', 'https://meet.tsunagu.example/forum',
		(select id from public.areas where slug = 'tokiwadaira'),
		'10000000-0000-4000-8000-000000000004'::uuid, '00000000-0000-4000-8000-000000000002'::uuid, 50, true,
		'どなたでも', '車いす可・手話通訳あり', '地域包括ケア推進課 佐藤', '047-000-0002', '無料', null,
		'「つなぐ」の申込ボタン、またはお電話（平日 9時〜17時）で', 'published'::public.event_status
	from base
on conflict (id) do nothing;

insert into public.event_occurrences (event_id, starts_at, ends_at, original_starts_at)
select e.id, e.starts_at + (n * interval '7 days'), e.ends_at + (n * interval '7 days'), e.starts_at + (n * interval '7 days')
from public.events e, generate_series(0, 7) n
where e.id = '20000000-0000-4000-8000-000000000001'
union all
select e.id, e.starts_at, e.ends_at, e.starts_at from public.events e
where e.id = '20000000-0000-4000-8000-000000000002'
on conflict (event_id, original_starts_at) do nothing;

insert into public.event_fields (event_id, field_id)
select '20000000-0000-4000-8000-000000000001'::uuid, id from public.fields where slug in ('children', 'welfare')
union all
select '20000000-0000-4000-8000-000000000002'::uuid, id from public.fields where slug in ('welfare', 'town-development', 'disability')
on conflict do nothing;
