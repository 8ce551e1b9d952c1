/**
 * Loads a package's CommonJS build from ES module code (decision 017).
 *
 * botbuilder is CommonJS and loads the Azure SDK's core packages (`@azure/core-rest-pipeline`,
 * `@azure/core-client`, `@azure/identity`, …) as CommonJS. An `import` of `@azure/data-tables` or
 * `@azure/identity` from our ES modules would load their ES builds instead: a second copy of every
 * shared core package, about 20 MB more resident memory per process (measured idle), and twice
 * the code for V8 to keep. Requiring the CommonJS build reuses the copy botbuilder already loaded.
 * Types still come from `typeof import('…')`, so nothing is untyped.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function requireCommonJs<T>(specifier: string): T {
  return require(specifier) as T;
}
