// Vitest runs without Paraglide's vite plugin (its watcher keeps the process
// alive after the run), so the messages are compiled once here, in a child
// process for the same reason.
import { execFileSync } from 'node:child_process';

export default function setup() {
	execFileSync('npm', ['run', '--silent', 'i18n:compile'], { stdio: 'ignore' });
}
