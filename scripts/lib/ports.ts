import net from 'node:net';

/** Something a stack needs (a port, a data directory) is taken: its message says what to do. */
export class InUseError extends Error {}
export class PortInUseError extends InUseError {}

/** Fails with a message that names the port and the variable that moves it. */
export async function assertPortFree(port: number, what: string, envVar: string) {
	const free = await new Promise<boolean>((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({ port, host: '127.0.0.1', exclusive: true }, () =>
			server.close(() => resolve(true))
		);
	});
	if (!free) {
		throw new PortInUseError(
			`Port ${port} (${what}) is already in use. Stop the program using it, ` +
				`or choose another port, e.g. ${envVar}=${port + 100} npm run dev`
		);
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
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
