// The colour families a field (分野) may have: the `fields_color` check
// constraint in supabase/migrations/20261128100000_areas_fields_organizations.sql
// (a unit test keeps the two in step). Each is a design-token family
// (--color-primitive-<color>-*).
import { m } from '$lib/paraglide/messages';

export const FIELD_COLORS = [
	'blue',
	'light-blue',
	'cyan',
	'green',
	'lime',
	'yellow',
	'orange',
	'red',
	'magenta',
	'purple'
] as const;
export type FieldColor = (typeof FIELD_COLORS)[number];

export const fieldColorLabel: Record<FieldColor, () => string> = {
	blue: m.admin_color_blue,
	'light-blue': m.admin_color_light_blue,
	cyan: m.admin_color_cyan,
	green: m.admin_color_green,
	lime: m.admin_color_lime,
	yellow: m.admin_color_yellow,
	orange: m.admin_color_orange,
	red: m.admin_color_red,
	magenta: m.admin_color_magenta,
	purple: m.admin_color_purple
};
