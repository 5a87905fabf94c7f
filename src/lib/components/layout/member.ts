// What only a signed-in member sees or uses: in the site's frame the bell, the
// account links, the banners of a suspension and of an address not confirmed
// yet; in pages, their next date (the home page) and the forms to post and to
// edit a post. The root layout's load imports this for members only (as
// page.data.member), so that a resident who reads without signing in
// downloads none of it; SvelteKit still puts its styles in the
// server-rendered page. Components anybody can see do not belong here.
export { default as NotificationBell } from './NotificationBell.svelte';
export { default as MemberLinks } from './MemberLinks.svelte';
export { default as SuspensionBanner } from '$lib/components/moderation/SuspensionBanner.svelte';
export { default as VerifyPrompt } from '$lib/components/account/VerifyPrompt.svelte';
export { default as PostEditForm } from '$lib/components/threads/PostEditForm.svelte';
export { default as ReplyComposer } from '$lib/components/threads/ReplyComposer.svelte';
export { default as RegistrationItem } from '$lib/components/me/RegistrationItem.svelte';
