/** Validates cards against Microsoft's Adaptive Cards 1.5 schema (../shared/schemas), offline. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const schemaPath = path.resolve(here, '../../../shared/schemas/adaptive-card-1.5.json');

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
addFormats(ajv);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
schema.$id = schema.id;
delete schema.id;
const validate = ajv.compile(schema);

export const maxCardBytes = 80 * 1024;

export function cardSchemaErrors(card: unknown): ErrorObject[] {
  return validate(card) ? [] : [...(validate.errors ?? [])];
}

export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
