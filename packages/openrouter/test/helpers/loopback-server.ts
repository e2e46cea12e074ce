/**
 * A real node:http server on 127.0.0.1 (port 0) for the umbrella's loopback tests: reads each
 * request body in full, hands it to `handle`, and closes when the test finishes. No global fetch
 * mocking anywhere; every test talks HTTP to one of these.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

export type LoopbackHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
) => void | Promise<void>;

/** Starts the server; resolves with its origin, e.g. `http://127.0.0.1:43117`. */
export async function startLoopbackServer(handle: LoopbackHandler): Promise<{ origin: string }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      Promise.resolve(handle(req, res, Buffer.concat(chunks).toString("utf8"))).catch(
        (error: unknown) => res.destroy(error as Error),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}` };
}
