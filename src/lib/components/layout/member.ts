// What only a signed-in member sees in the site's frame: the bell, the account
// links, and the banners of a suspension and of an address not confirmed yet.
// The root layout's load imports this for members only (data.memberParts), so
// that a visitor's pages do not download it (a member's browser keeps it: its
// file name changes only with its content). A page's own parts for members
// (the forms to post, to edit, to join, to thank…) are imported by that
// page's +page.ts the same way. Only components no page imports statically
// (docs/ARCHITECTURE.md).
export { default as NotificationBell } from './NotificationBell.svelte';
export { default as MemberLinks } from './MemberLinks.svelte';
export { default as SuspensionBanner } from '$lib/components/moderation/SuspensionBanner.svelte';
export { default as VerifyPrompt } from '$lib/components/account/VerifyPrompt.svelte';
