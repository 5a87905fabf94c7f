import net from 'node:net';

/** Something a stack needs (a port, a data directory) is taken: its message says what to do. */
export class InUseError extends Error {}
export class PortInUseError extends InUseError {}

/** Whether nothing listens on the port (on 127.0.0.1) now. */
const isFree = (port: number) =>
	new Promise<boolean>((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
			server.close(() => resolve(true))
		);
	});

/** Fails with a message that names the port and the variable that moves it. */
export async function assertPortFree(port: number, what: string, envVar: string) {
	if (!(await isFree(port))) {
		throw new PortInUseError(
			`Port ${port} (${what}) is already in use. Stop the program using it, ` +
				`or choose another port, e.g. ${envVar}=${port + 100} npm run dev`
		);
	}
}

/**
 * Ports for the stacks the tests and the benchmark start, below Linux's ephemeral range
 * (32768–60999 by default): a port the kernel chose (`listen(0)`) could be handed, before the
 * service listened on it, to one of the many local connections the setup opens (PostgreSQL
 * clients, fetches), which failed a run with EADDRINUSE.
 */
const FREE_PORTS = { from: 20000, to: 32767 };

/** A port nothing listens on now, chosen at random among FREE_PORTS. */
export async function freePort(): Promise<number> {
	for (let tries = 0; tries < 50; tries++) {
		const port = FREE_PORTS.from + Math.floor(Math.random() * (FREE_PORTS.to - FREE_PORTS.from));
		if (await isFree(port)) return port;
	}
	throw new Error(`No free port between ${FREE_PORTS.from} and ${FREE_PORTS.to}`);
}

export async function waitFor(
	check: () => Promise<boolean>,
	{ timeoutMs, what }: { timeoutMs: number; what: string }
) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}
