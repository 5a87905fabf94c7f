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
