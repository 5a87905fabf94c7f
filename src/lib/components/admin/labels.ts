// The words that tell the admin pages of areas and fields apart (the pages
// themselves are one implementation: src/routes/admin/[taxonomy=taxonomy]).
import { m } from '$lib/paraglide/messages';

export const TAXONOMY_LABELS = {
	areas: {
		title: m.admin_areas_title,
		lead: m.admin_areas_lead,
		listHeading: m.admin_areas_list_heading,
		createHeading: m.admin_area_create_heading,
		createSubmit: m.admin_area_create_submit,
		editTitle: m.admin_area_edit_title,
		backToList: m.admin_back_to_areas
	},
	fields: {
		title: m.admin_fields_title,
		lead: m.admin_fields_lead,
		listHeading: m.admin_fields_list_heading,
		createHeading: m.admin_field_create_heading,
		createSubmit: m.admin_field_create_submit,
		editTitle: m.admin_field_edit_title,
		backToList: m.admin_back_to_fields
	}
};
