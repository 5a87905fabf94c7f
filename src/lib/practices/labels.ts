// Words for a practice's statuses, audiences (対象) and story sections (client-safe).
import { m } from '$lib/paraglide/messages';
import type { Audience, PracticeStatus, StorySection } from '$lib/practices/types';

const STATUS: Record<PracticeStatus, () => string> = {
	draft: m.practice_status_draft,
	submitted: m.practice_status_submitted,
	returned: m.practice_status_returned,
	published: m.practice_status_published
};

const AUDIENCE: Record<Audience, () => string> = {
	children: m.practice_audience_children,
	youth: m.practice_audience_youth,
	parents: m.practice_audience_parents,
	elderly: m.practice_audience_elderly,
	disability: m.practice_audience_disability,
	caregivers: m.practice_audience_caregivers,
	foreign_residents: m.practice_audience_foreign_residents,
	everyone: m.practice_audience_everyone
};

const SECTION: Record<StorySection, () => string> = {
	story_origin: m.practice_section_story_origin,
	story_activities: m.practice_section_story_activities,
	story_tips: m.practice_section_story_tips,
	story_outcomes: m.practice_section_story_outcomes,
	story_challenges: m.practice_section_story_challenges,
	story_next: m.practice_section_story_next,
	story_contact: m.practice_section_story_contact
};

export const practiceStatusLabel = (s: PracticeStatus) => STATUS[s]();
export const audienceLabel = (a: Audience) => AUDIENCE[a]();
/** The heading of a story section (きっかけ, 取り組みの内容, …). */
export const storySectionLabel = (s: StorySection) => SECTION[s]();
