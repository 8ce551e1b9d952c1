/**
 * A small structural reader of infra/azure.bicep, for tests. No Bicep compiler is reachable
 * offline (and `bicep` is not an npm package), so this reads only what the tests need: the
 * parameters (with their defaults and decorators), the resources (type and API version), the
 * outputs, and the web app's `appSettings` list; and it evaluates the simple expressions those
 * use (string literals with `${…}` interpolation, parameter names, and property paths the test
 * gives values for, standing in for what Azure Resource Manager fills in at deployment).
 * Anything else makes it throw, naming the expression, so a new setting cannot slip by unread.
 */

export interface BicepParam {
  name: string;
  type: string;
  /** The default's source text, when there is one. */
  defaultExpr?: string;
  decorators: string[];
}
export interface BicepResource {
  symbol: string;
  type: string;
  apiVersion: string;
}
export interface BicepOutput {
  name: string;
  type: string;
  expr: string;
}
export interface BicepSetting {
  name: string;
  expr: string;
}
export interface BicepFile {
  params: BicepParam[];
  resources: BicepResource[];
  outputs: BicepOutput[];
  appSettings: BicepSetting[];
}

/** Removes `//` and `/* *\/` comments, leaving strings (which may hold `//`) intact. */
export function stripComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === "'") inString = false;
    } else if (c === "'") {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else out += c;
  }
  return out;
}

/** Index just after the bracket that closes the one at `open` (strings are skipped). */
function matchBracket(text: string, open: number): number {
  const pairs: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const stack: string[] = [];
  let inString = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === "'") inString = false;
      continue;
    }
    if (c === "'") inString = true;
    else if (pairs[c]) stack.push(pairs[c]);
    else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced bracket at ${open}`);
}

export function parseBicep(source: string): BicepFile {
  const text = stripComments(source);
  const lines = text.split('\n');
  const params: BicepParam[] = [];
  const resources: BicepResource[] = [];
  const outputs: BicepOutput[] = [];
  let decorators: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith('@')) {
      decorators.push(line);
      continue;
    }
    const param = /^param (\w+) (\w+)(?: = (.+))?$/.exec(line);
    if (param) {
      params.push({
        name: param[1]!,
        type: param[2]!,
        ...(param[3] ? { defaultExpr: param[3] } : {}),
        decorators,
      });
    }
    const resource = /^resource (\w+) '([^'@]+)@([^']+)'/.exec(line);
    if (resource)
      resources.push({ symbol: resource[1]!, type: resource[2]!, apiVersion: resource[3]! });
    const output = /^output (\w+) (\w+) = (.+)$/.exec(line);
    if (output) outputs.push({ name: output[1]!, type: output[2]!, expr: output[3]! });
    if (line !== '') decorators = [];
  }
  return { params, resources, outputs, appSettings: parseAppSettings(text) };
}

function parseAppSettings(text: string): BicepSetting[] {
  const at = text.indexOf('appSettings: [');
  if (at < 0) return [];
  const open = text.indexOf('[', at);
  const body = text.slice(open + 1, matchBracket(text, open) - 1);
  const settings: BicepSetting[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== '{') continue;
    const end = matchBracket(body, i);
    const entry = body.slice(i + 1, end - 1);
    const name = /(?:^|[\s,])name: '([^']+)'/.exec(entry);
    const value = /(?:^|[\s,])value: ([\s\S]+?)\s*$/.exec(entry);
    if (!name || !value) throw new Error(`appSettings entry without name and value: {${entry}}`);
    settings.push({ name: name[1]!, expr: value[1]!.trim() });
    i = end - 1;
  }
  return settings;
}

export interface EvalContext {
  /** Parameter values (from the parameters file, else the parameter's default). */
  params: Record<string, string>;
  /** Values of property paths Azure fills in, e.g. `identity.properties.clientId`. */
  runtime: Record<string, string>;
}

/**
 * Evaluates a string literal (with interpolation), a number or boolean, a parameter name or a known
 * property path.
 */
export function evaluate(expr: string, ctx: EvalContext): string {
  const e = expr.trim();
  if (e.startsWith("'") && e.endsWith("'")) {
    let out = '';
    for (let i = 1; i < e.length - 1; i++) {
      const c = e[i]!;
      if (c === '\\') out += e[++i] ?? '';
      else if (c === '$' && e[i + 1] === '{') {
        const end = matchBracket(e, i + 1);
        out += evaluate(e.slice(i + 2, end - 1), ctx);
        i = end - 1;
      } else out += c;
    }
    return out;
  }
  if (/^-?\d+$/.test(e) || e === 'true' || e === 'false') return e;
  if (/^\w+$/.test(e) && e in ctx.params) return ctx.params[e]!;
  if (e in ctx.runtime) return ctx.runtime[e]!;
  throw new Error(`cannot evaluate Bicep expression: ${e}`);
}
