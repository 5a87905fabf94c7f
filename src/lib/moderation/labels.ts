// Words for report reasons, item kinds and moderation actions (client-safe).
import { m } from '$lib/paraglide/messages';
import type { ModerationAction, ReportItemKind, ReportReason } from './types';

const REASONS: Record<ReportReason, () => string> = {
	spam: m.report_reason_spam,
	harassment: m.report_reason_harassment,
	personal_info: m.report_reason_personal_info,
	other: m.report_reason_other
};
export const reportReasonLabel = (reason: ReportReason) => REASONS[reason]();

const KINDS: Record<ReportItemKind, () => string> = {
	thread: m.report_kind_thread,
	post: m.report_kind_post,
	event: m.report_kind_event,
	organization: m.report_kind_organization,
	thanks: m.recognition_report_kind_thanks
};
export const reportKindLabel = (kind: ReportItemKind) => KINDS[kind]();

const ACTIONS: Record<ModerationAction, () => string> = {
	hide_thread: m.moderation_action_hide_thread,
	restore_thread: m.moderation_action_restore_thread,
	lock_thread: m.moderation_action_lock_thread,
	unlock_thread: m.moderation_action_unlock_thread,
	hide_post: m.moderation_action_hide_post,
	restore_post: m.moderation_action_restore_post,
	suspend: m.moderation_action_suspend,
	lift_suspension: m.moderation_action_lift_suspension,
	dismiss_report: m.moderation_action_dismiss_report,
	handle_report: m.moderation_action_handle_report,
	hide_thanks: m.recognition_action_hide_thanks,
	restore_thanks: m.recognition_action_restore_thanks
};
export const moderationActionLabel = (action: ModerationAction) => ACTIONS[action]();
