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

-- (their addresses count as confirmed: they can join and post at once)
insert into public.credentials (user_id, email, password_hash, email_verified_at) values
	('00000000-0000-4000-8000-000000000001', 'member@tsunagu.example',
		'$argon2id$v=19$m=19456,t=2,p=1$TOf4LR1J1LkmHJu/sd8IGA$2CesOZ4A9Q5xcwQcinFKjDvciF4w1fKYQZYyhMZg+jQ', now()),
	('00000000-0000-4000-8000-000000000002', 'coordinator@tsunagu.example',
		'$argon2id$v=19$m=19456,t=2,p=1$086/W5kj85tOuO/dDIfBUw$uLkCk+Jf9qQW33SmUG7gnyVmG1Dloukf5QabO3s5XWs', now()),
	('00000000-0000-4000-8000-000000000003', 'admin@tsunagu.example',
		'$argon2id$v=19$m=19456,t=2,p=1$Z/0paZtK5SXpvk03oQvjtg$+HhXBi1MjqapZtiU5JqMKbmF9XgF8EqXRIgwWKI5akA', now())
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

-- The towns (町名) of each area, for finding one's area from one's town on /areas.
-- APPROXIMATE: from public knowledge of Matsudo's 地区 (the areas of its 地区社会福祉協議会
-- and 地域包括支援センター), not from the city's official table; a town split between two
-- areas is listed in both. A real deployment takes the list from its city.
insert into public.area_towns (area_id, name, kana, sort_order)
select a.id, t.name, t.kana, t.sort_order
from (values
	('mei-1', '松戸', 'まつど', 10), ('mei-1', '根本', 'ねもと', 20), ('mei-1', '小根本', 'こねもと', 30),
	('mei-1', '岩瀬', 'いわせ', 40), ('mei-1', '竹ケ花', 'たけがはな', 50), ('mei-1', '竹ケ花西町', 'たけがはなにしまち', 60),
	('mei-1', '吉井町', 'よしいちょう', 70),
	('mei-2-higashi', '松戸新田', 'まつどしんでん', 10), ('mei-2-higashi', '稔台', 'みのりだい', 20),
	('mei-2-higashi', '千駄堀', 'せんだぼり', 30),
	('mei-2-nishi', '上本郷', 'かみほんごう', 10), ('mei-2-nishi', '北松戸', 'きたまつど', 20),
	('mei-2-nishi', '仲井町', 'なかいちょう', 30), ('mei-2-nishi', '旭町', 'あさひちょう', 40),
	('mei-2-nishi', '緑ケ丘', 'みどりがおか', 50), ('mei-2-nishi', '南花島', 'みなみはなしま', 60),
	('mei-2-nishi', '中根長津町', 'なかねながつちょう', 70),
	('honcho', '松戸', 'まつど', 10), ('honcho', '本町', 'ほんちょう', 20), ('honcho', '小山', 'こやま', 30),
	('honcho', '樋野口', 'ひのくち', 40), ('honcho', '古ケ崎', 'こがさき', 50), ('honcho', '主水新田', 'もんどしんでん', 60),
	('yagiri', '上矢切', 'かみやきり', 10), ('yagiri', '中矢切', 'なかやきり', 20), ('yagiri', '下矢切', 'しもやきり', 30),
	('yagiri', '栗山', 'くりやま', 40), ('yagiri', '三矢小台', 'みやこだい', 50), ('yagiri', '胡録台', 'ころくだい', 60),
	('yagiri', '二十世紀が丘戸山町', 'にじっせいきがおかとやまちょう', 70), ('yagiri', '二十世紀が丘中松町', 'にじっせいきがおかなかまつちょう', 80),
	('yagiri', '二十世紀が丘萩町', 'にじっせいきがおかはぎちょう', 90), ('yagiri', '二十世紀が丘柿の木町', 'にじっせいきがおかかきのきちょう', 100),
	('yagiri', '二十世紀が丘丸山町', 'にじっせいきがおかまるやまちょう', 110),
	('yagiri', '二十世紀が丘美野里町', 'にじっせいきがおかみのりちょう', 120),
	('yagiri', '二十世紀が丘梨元町', 'にじっせいきがおかなしもとちょう', 130),
	('tobu', '東松戸', 'ひがしまつど', 10), ('tobu', '紙敷', 'かみしき', 20), ('tobu', '秋山', 'あきやま', 30),
	('tobu', '高塚新田', 'たかつかしんでん', 40), ('tobu', '大橋', 'おおはし', 50), ('tobu', '和名ケ谷', 'わながや', 60),
	('tobu', '河原塚', 'かわらづか', 70), ('tobu', '串崎南町', 'くしざきみなみちょう', 80),
	('mabashi', '馬橋', 'まばし', 10), ('mabashi', '中和倉', 'なかわくら', 20), ('mabashi', '新作', 'しんさく', 30),
	('mabashi', '三ケ月', 'みこぜ', 40),
	('mabashi-nishi', '西馬橋', 'にしまばし', 10), ('mabashi-nishi', '西馬橋幸町', 'にしまばしさいわいちょう', 20),
	('mabashi-nishi', '西馬橋蔵元町', 'にしまばしくらもとちょう', 30), ('mabashi-nishi', '西馬橋相川町', 'にしまばしあいかわちょう', 40),
	('mabashi-nishi', '西馬橋広手町', 'にしまばしひろてちょう', 50), ('mabashi-nishi', '栄町', 'さかえちょう', 60),
	('mabashi-nishi', '栄町西', 'さかえちょうにし', 70), ('mabashi-nishi', '中根', 'なかね', 80),
	('tokiwadaira', '常盤平', 'ときわだいら', 10), ('tokiwadaira', '常盤平陣屋前', 'ときわだいらじんやまえ', 20),
	('tokiwadaira', '常盤平双葉町', 'ときわだいらふたばちょう', 30), ('tokiwadaira', '常盤平松葉町', 'ときわだいらまつばちょう', 40),
	('tokiwadaira', '常盤平柳町', 'ときわだいらやなぎちょう', 50), ('tokiwadaira', '常盤平西窪町', 'ときわだいらにしくぼちょう', 60),
	('tokiwadaira', '日暮', 'ひぐらし', 70), ('tokiwadaira', '八ケ崎', 'はちがさき', 80),
	('tokiwadaira', '八ケ崎緑町', 'はちがさきみどりちょう', 90), ('tokiwadaira', '牧の原', 'まきのはら', 100),
	('tokiwadaira-danchi', '常盤平団地', 'ときわだいらだんち', 10), ('tokiwadaira-danchi', '金ケ作', 'かねがさく', 20),
	('tokiwadaira-danchi', '常盤平', 'ときわだいら', 30),
	('goko-matsuhidai', '五香', 'ごこう', 10), ('goko-matsuhidai', '五香西', 'ごこうにし', 20),
	('goko-matsuhidai', '五香南', 'ごこうみなみ', 30), ('goko-matsuhidai', '松飛台', 'まつひだい', 40),
	('goko-matsuhidai', '串崎新田', 'くしざきしんでん', 50),
	('mutsumi-mutsutakadai', '六実', 'むつみ', 10), ('mutsumi-mutsutakadai', '六高台', 'むつたかだい', 20),
	('mutsumi-mutsutakadai', '六高台西', 'むつたかだいにし', 30), ('mutsumi-mutsutakadai', '五香六実', 'ごこうむつみ', 40),
	('mutsumi-mutsutakadai', '高柳', 'たかやなぎ', 50), ('mutsumi-mutsutakadai', '高柳新田', 'たかやなぎしんでん', 60),
	('kogane', '小金', 'こがね', 10), ('kogane', '小金上総町', 'こがねかずさちょう', 20),
	('kogane', '小金清志町', 'こがねきよしちょう', 30), ('kogane', '小金きよしケ丘', 'こがねきよしがおか', 40),
	('kogane', '殿平賀', 'とのひらが', 50), ('kogane', '大谷口', 'おおやぐち', 60), ('kogane', '大金平', 'おおがねだいら', 70),
	('kogane', '二ツ木', 'ふたつぎ', 80), ('kogane', '二ツ木二葉町', 'ふたつぎふたばちょう', 90),
	('kogane', '平賀', 'ひらが', 100), ('kogane', '東平賀', 'ひがしひらが', 110),
	('koganehara', '小金原', 'こがねはら', 10), ('koganehara', '根木内', 'ねぎうち', 20),
	('koganehara', '栗ケ沢', 'くりがさわ', 30), ('koganehara', '中金杉', 'なかかなすぎ', 40),
	('shin-matsudo', '新松戸', 'しんまつど', 10), ('shin-matsudo', '新松戸北', 'しんまつどきた', 20),
	('shin-matsudo', '新松戸東', 'しんまつどひがし', 30), ('shin-matsudo', '新松戸南', 'しんまつどみなみ', 40),
	('shin-matsudo', '幸谷', 'こうや', 50), ('shin-matsudo', '横須賀', 'よこすか', 60),
	('shin-matsudo', '七右衛門新田', 'しちえもんしんでん', 70)
) as t (slug, name, kana, sort_order)
join public.areas a on a.slug = t.slug
on conflict (area_id, name) do nothing;

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

-- Demo places (居場所・地域の資源, fictional), confirmed today; one of no
-- organization (the coordinators keep it).
insert into public.places (id, name, name_kana, kinds, area_id, address, latitude, longitude, organization_id,
	audiences, open_days, hours_note, fee_free, fee, capacity, meals_provided, food_allowed, transport,
	accessibility, phone, description)
select v.id::uuid, v.name, v.kana, v.kinds::text[], a.id, v.address, v.lat, v.lng, v.org::uuid, v.audiences::text[],
	v.days::smallint[], v.note, v.free, v.fee, v.cap, v.meals, v.food, v.transport, v.access, v.phone, v.descr
from (values
	('30000000-0000-4000-8000-000000000001', '常盤平こども食堂', 'ときわだいらこどもしょくどう',
		'{kodomo_shokudo,ibasho}', 'tokiwadaira-danchi', '千葉県松戸市常盤平団地 第2集会所', 35.7966, 139.9493,
		'10000000-0000-4000-8000-000000000001', '{children,parents}', '{6}', '第2・第4土曜日のみ。8月はお休み。',
		true, 'こどもは無料、おとなは300円', 30, true, false, false, '入口に段差なし。車いすで使えるトイレあり。',
		'047-000-0001', 'こどもも大人も、いっしょにごはんを食べる場所です。宿題をしに来る子もいます。'),
	('30000000-0000-4000-8000-000000000002', '新松戸ふれあいサロン', 'しんまつどふれあいさろん',
		'{kayoinoba,ibasho}', 'shin-matsudo', '千葉県松戸市新松戸4-1 自治会館', 35.8257, 139.9210,
		'10000000-0000-4000-8000-000000000002', '{elderly,everyone}', '{3}', null,
		false, '1回100円（お茶代）', 20, false, true, true, '送迎は事前に電話で。',
		'047-000-0003', '椅子に座ってできる体操と、おしゃべりの時間です。'),
	('30000000-0000-4000-8000-000000000003', '本庁地域包括支援センター', 'ほんちょうちいきほうかつしえんせんたー',
		'{consultation}', 'honcho', '千葉県松戸市根本387-5', 35.7876, 139.9031,
		'10000000-0000-4000-8000-000000000004', '{elderly,disability,everyone}', '{1,2,3,4,5}', null,
		true, '相談は無料', null, null, null, false, 'エレベーターあり。',
		'047-000-0004', '介護や暮らしの困りごとを、専門の職員に相談できます。'),
	('30000000-0000-4000-8000-000000000004', '矢切自治会館', 'やぎりじちかいかん',
		'{meeting_place}', 'yagiri', '千葉県松戸市下矢切100', 35.7603, 139.8986,
		null, '{everyone}', '{}', '使うときは自治会長に連絡してください。',
		false, '1時間500円', 40, null, true, false, null,
		null, '地域の集まりに使える会館です。')
) v(id, name, kana, kinds, area, address, lat, lng, org, audiences, days, note, free, fee, cap, meals, food,
	transport, access, phone, descr)
join public.areas a on a.slug = v.area
on conflict (id) do nothing;

insert into public.place_hours (place_id, day, opens, closes) values
	('30000000-0000-4000-8000-000000000001', 6, '11:00', '14:00'),
	('30000000-0000-4000-8000-000000000002', 3, '13:30', '15:30'),
	('30000000-0000-4000-8000-000000000003', 1, '08:30', '17:15'),
	('30000000-0000-4000-8000-000000000003', 2, '08:30', '17:15'),
	('30000000-0000-4000-8000-000000000003', 3, '08:30', '17:15'),
	('30000000-0000-4000-8000-000000000003', 4, '08:30', '17:15'),
	('30000000-0000-4000-8000-000000000003', 5, '08:30', '17:15')
on conflict do nothing;

-- the demo 子ども食堂's event is held at its place
update public.events set place_id = '30000000-0000-4000-8000-000000000001'
where id = '20000000-0000-4000-8000-000000000001' and place_id is null;
