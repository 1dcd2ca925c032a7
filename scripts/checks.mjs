// A minimal check recorder shared by the smoke test and the browser tests: each check passes or fails with a
// message, and the totals go to a JSON file that .ci/run adds to its summary.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function createChecks(suite) {
  const results = [];
  return {
    async check(name, fn) {
      const started = Date.now();
      try {
        await fn();
        results.push({ name, ok: true });
        console.log(`  ✓ ${suite}: ${name} (${Date.now() - started} ms)`);
      } catch (error) {
        results.push({
          name,
          ok: false,
          message: String(error?.stack ?? error),
        });
        console.log(
          `  ✗ ${suite}: ${name}\n    ${String(error?.message ?? error).replace(
            /\n/g,
            '\n    ',
          )}`,
        );
      }
    },
    fail(name, error) {
      results.push({ name, ok: false, message: String(error?.stack ?? error) });
      console.log(
        `  ✗ ${suite}: ${name}\n    ${String(error?.message ?? error)}`,
      );
    },
    get failed() {
      return results.filter(r => !r.ok).length;
    },
    async write(file) {
      const passed = results.filter(r => r.ok).length;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(
        file,
        JSON.stringify(
          { suite, passed, failed: results.length - passed, results },
          null,
          2,
        ),
      );
      console.log(
        `${suite}: ${passed} passed, ${results.length - passed} failed`,
      );
    },
  };
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Retries `fn` until it stops throwing or `timeoutMs` passes; the catalog ingests files asynchronously. */
export async function eventually(fn, timeoutMs = 120_000, intervalMs = 1000) {
  const started = Date.now();
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await new Promise(r => setTimeout(r, intervalMs));
    }
  }
}
