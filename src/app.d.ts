// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			user: import('$lib/server/auth/session').SessionUser | null;
			session: import('$lib/server/auth/session').Session | null;
			/** the bell's count and the suspension in force, read with the session */
			status: import('$lib/server/auth/session').AccountStatus | null;
		}
		interface Error {
			message: string;
		}
		interface PageData {
			/** ふりがな while the person has it on (root +layout.ts), else null */
			furigana?: import('$lib/furigana/reader').FuriganaReader | null;
			/** the words of the content a page shows, while ふりがな is on */
			readings?: import('$lib/furigana/ruby').Readings;
		}
	}
}

export {};
