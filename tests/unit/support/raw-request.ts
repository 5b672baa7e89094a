import http from "node:http";

/** An answer as it came over the wire: the body still compressed when the server compressed it. */
export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request with node:http, which (unlike fetch) neither decompresses nor adds headers of its own. */
export function rawRequest(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** Starts a server on a free local port with `listener`; its base URL and a stop function. */
export async function listenLocally(listener: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as import("node:net").AddressInfo;
  return { base: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))) };
}
