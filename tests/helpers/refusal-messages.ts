import fs from 'node:fs';
import path from 'node:path';
import { parseAst } from 'vite';

/**
 * Every English text the API can refuse a request with, found in the source by shape: a `problem:` or
 * `message:` in an object, the message argument of the error helpers (`notFound`, `conflict`,
 * `forbidden`, `new AppError`…), a zod check's custom message, a string a `…Problem(s)` or `describe…`
 * function returns, an `…_ERRORS` table's values. Templates come back with `{}` for each `${…}`, the
 * form `messages-vi.ts` keys are compared in.
 */
export interface FoundMessage {
  text: string;
  at: string;
}

/** Calls whose argument at this position is a message for people. */
const MESSAGE_ARGUMENT: Record<string, number> = {
  notFound: 0,
  conflict: 0,
  forbidden: 0,
  fileProblem: 0,
  unsupported: 0,
  conflictOnRace: 1,
  fail: 2, // org import: fail(row, column, problem)
  problem: 1, // imports: problem(column, text)
  AppError: 2,
  refuse: 4, // the error handler's refuse(request, reply, status, code, message)
};
/** zod checks whose last string argument is a custom message. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'url',
  'email',
  'int',
  'positive',
  'nonnegative',
]);
const MESSAGE_PROPERTIES = new Set(['problem', 'message']);
/** Not answered over HTTP: the CLI prints its own errors, config fails at start-up, the database layer's texts are logged. */
const SKIP = [/^src\/cli\//, /^src\/config\.ts$/, /^src\/db\//, /\.test\.ts$/, /\.d\.ts$/];

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** The texts an expression can be: a literal, a template (with `{}` holes), either side of `a ? b : c`. */
function texts(node: Node | undefined | null): string[] {
  if (!node) return [];
  if (node.type === 'Literal' && typeof node.value === 'string') return [node.value];
  if (node.type === 'TemplateLiteral') {
    const quasis = node.quasis as { value: { cooked: string } }[];
    return [quasis.map((q) => q.value.cooked).join('{}')];
  }
  if (node.type === 'ConditionalExpression')
    return [...texts(node.consequent as Node), ...texts(node.alternate as Node)];
  if (node.type === 'TSAsExpression' || node.type === 'ParenthesizedExpression')
    return texts(node.expression as Node);
  return [];
}

function calleeName(node: Node): string | null {
  const callee = node.callee as Node;
  if (callee.type === 'Identifier') return callee.name as string;
  if (callee.type === 'MemberExpression' && (callee.property as Node).type === 'Identifier')
    return `.${(callee.property as Node).name as string}`;
  return null;
}

function scanFile(file: string, source: string, found: FoundMessage[]): void {
  const ast = parseAst(source, { lang: file.endsWith('x') ? 'tsx' : 'ts' }) as unknown as Node;
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const add = (node: Node | undefined, list = texts(node)) => {
    for (const text of list)
      if (/[a-z]/i.test(text)) found.push({ text, at: `${file}:${lineOf(node!.start)}` });
  };
  const visit = (node: Node, inMessageFunction: boolean, inErrorTable: boolean): void => {
    let messageFunction = inMessageFunction;
    let errorTable = inErrorTable;
    switch (node.type) {
      case 'Property': {
        const key = node.key as Node;
        const name = key.type === 'Identifier' ? (key.name as string) : null;
        if (name && MESSAGE_PROPERTIES.has(name) && !node.shorthand) add(node.value as Node);
        else if (errorTable) add(node.value as Node);
        break;
      }
      case 'CallExpression':
      case 'NewExpression': {
        const name = calleeName(node);
        const args = node.arguments as Node[];
        if (name && name in MESSAGE_ARGUMENT) add(args[MESSAGE_ARGUMENT[name]!]);
        if (name?.startsWith('.') && ZOD_CHECKS.has(name.slice(1)) && args.length > 0) {
          const last = args[args.length - 1];
          if (last && last.type !== 'ObjectExpression' && args.length > (name === '.url' ? 0 : 1)) add(last);
        }
        break;
      }
      case 'FunctionDeclaration': {
        const id = node.id as Node | null;
        const name = (id?.name as string | undefined) ?? '';
        messageFunction = /Problems?$|^describe/.test(name);
        break;
      }
      case 'ReturnStatement':
        if (inMessageFunction) add(node.argument as Node);
        break;
      case 'AssignmentExpression': {
        const left = node.left as Node;
        if (left.type === 'Identifier' && left.name === 'problem') add(node.right as Node);
        break;
      }
      case 'VariableDeclarator': {
        const id = node.id as Node;
        if (id.type === 'Identifier' && /_(ERRORS|PROBLEMS)$/.test(id.name as string)) errorTable = true;
        if (id.type === 'Identifier' && id.name === 'message') add(node.init as Node);
        break;
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' || !value || typeof value !== 'object') continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string')
          visit(child as Node, messageFunction, errorTable);
      }
    }
  };
  visit(ast, false, false);
}

export function scanRefusalMessages(root: string): FoundMessage[] {
  const found: FoundMessage[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !SKIP.some((re) => re.test(rel)))
        scanFile(rel, fs.readFileSync(path.join(root, rel), 'utf8'), found);
    }
  };
  walk('src');
  return found;
}
