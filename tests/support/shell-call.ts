// One contract call to a running browser shell over its HTTP bridge, with the token from the
// address it printed: for tests and benchmarks that set a scene or read what the shell holds.
export async function callShell<T = any>(url: string, name: string, input: unknown): Promise<T> {
  const token = /#token=([\w-]+)/.exec(url)![1]!;
  const response = await fetch(new URL('/api/invoke', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-TB-Token': token },
    body: JSON.stringify({ name, input }),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}
