export const APP_ROLES = ['member', 'coordinator', 'admin'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const isAppRole = (value: unknown): value is AppRole =>
	typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);

/** Coordinators curate and moderate; admins can do everything coordinators can. */
export const isCoordinator = (role: AppRole | null | undefined) =>
	role === 'coordinator' || role === 'admin';
