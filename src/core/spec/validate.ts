/** Reading a spec document: every field checked, each problem named, nothing guessed. */
import { isObject } from '../json.ts';
import {
  SPEC_VERSION,
  type EndRules,
  type NextRule,
  type PaginationSpec,
  type ValueSource,
} from './types.ts';

export type SpecResult = { ok: true; spec: PaginationSpec } | { ok: false; errors: string[] };

const str = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function source(v: unknown, at: string, errors: string[]): ValueSource | undefined {
  if (!isObject(v)) return void errors.push(`${at} must be an object {in, path|name}`);
  if ((v.in === 'body' || v.in === 'last-record') && typeof v.path === 'string')
    return { in: v.in, path: v.path };
  if (v.in === 'header' && str(v.name)) return { in: 'header', name: v.name };
  errors.push(`${at} must be {in:"body",path}, {in:"header",name} or {in:"last-record",path}`);
  return undefined;
}

function nextRule(v: unknown, errors: string[]): NextRule | undefined {
  if (!isObject(v)) return void errors.push('next must be an object with a type');
  const where = (x: unknown, at: string) => {
    if (x === undefined || x === 'query' || x === 'body') return x as 'query' | 'body' | undefined;
    errors.push(`${at} must be "query" or "body"`);
    return undefined;
  };
  switch (v.type) {
    case 'link-header':
    case 'none':
      return { type: v.type };
    case 'next-url': {
      const from = source(v.from, 'next.from', errors);
      return from && { type: 'next-url', from };
    }
    case 'cursor': {
      const from = source(v.from, 'next.from', errors);
      if (!str(v.param)) errors.push('next.param (the cursor parameter, or body path) is required');
      const w = where(v.in, 'next.in') ?? 'query';
      return from && str(v.param) ? { type: 'cursor', from, param: v.param, in: w } : undefined;
    }
    case 'page': {
      if (!str(v.param)) errors.push('next.param (the page parameter) is required');
      const start = v.start ?? 1;
      if (typeof start !== 'number' || !Number.isInteger(start) || start < 0)
        errors.push('next.start must be a whole number ≥ 0');
      const w = where(v.in, 'next.in');
      if (!str(v.param) || typeof start !== 'number') return undefined;
      return w ? { type: 'page', param: v.param, start, in: w } : { type: 'page', param: v.param, start };
    }
    case 'offset': {
      if (!str(v.param)) return void errors.push('next.param (the offset parameter) is required');
      const w = where(v.in, 'next.in');
      return w ? { type: 'offset', param: v.param, in: w } : { type: 'offset', param: v.param };
    }
    default:
      errors.push(
        `next.type must be link-header, next-url, cursor, page, offset or none, not ${JSON.stringify(v.type)}`,
      );
      return undefined;
  }
}

function endRules(v: unknown, errors: string[]): EndRules {
  const end: EndRules = { emptyPage: true, shortPage: false };
  if (v === undefined) return end;
  if (!isObject(v)) return (errors.push('end must be an object'), end);
  for (const k of ['emptyPage', 'shortPage'] as const) {
    if (v[k] === undefined) continue;
    if (typeof v[k] !== 'boolean') errors.push(`end.${k} must be true or false`);
    else end[k] = v[k];
  }
  if (v.hasMore !== undefined) {
    if (typeof v.hasMore === 'string') end.hasMore = v.hasMore;
    else errors.push('end.hasMore must be a dotted path');
  }
  for (const k of ['totalRecords', 'totalPages'] as const) {
    if (v[k] === undefined) continue;
    const s = source(v[k], `end.${k}`, errors);
    if (s) end[k] = s;
  }
  return end;
}

/** Checks a parsed spec document (or its JSON text) and returns it typed, or every problem found. */
export function parseSpec(input: unknown): SpecResult {
  let v = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [`not JSON: ${(e as Error).message}`] };
    }
  }
  const errors: string[] = [];
  if (!isObject(v)) return { ok: false, errors: ['a spec is a JSON object'] };
  if (v.version !== SPEC_VERSION)
    return {
      ok: false,
      errors: [
        `unsupported spec version ${JSON.stringify(v.version)} (this Pagescope reads ${SPEC_VERSION})`,
      ],
    };
  const r = v.request;
  if (!isObject(r) || !str(r.url)) errors.push('request.url is required');
  else {
    try {
      const u = new URL(r.url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') errors.push('request.url must be http(s)');
    } catch {
      errors.push(`request.url is not an absolute URL: ${JSON.stringify(r.url)}`);
    }
  }
  if (isObject(r) && r.method !== undefined && !str(r.method)) errors.push('request.method must be a string');
  if (isObject(r) && r.body !== undefined && typeof r.body !== 'string')
    errors.push('request.body must be a string');
  const headers: { name: string; value: string }[] = [];
  if (isObject(r) && r.headers !== undefined) {
    if (!Array.isArray(r.headers)) errors.push('request.headers must be a list of {name, value}');
    else
      for (const h of r.headers)
        if (isObject(h) && str(h.name) && typeof h.value === 'string')
          headers.push({ name: h.name, value: h.value });
        else errors.push('request.headers must be a list of {name, value}');
  }
  const supply: string[] = [];
  if (isObject(r) && r.supply !== undefined) {
    if (!Array.isArray(r.supply) || !r.supply.every(str))
      errors.push('request.supply must be a list of header names');
    else supply.push(...(r.supply as string[]));
  }
  if (typeof v.records !== 'string') errors.push('records (a dotted path, "." for the root) is required');
  if (v.recordId !== undefined && typeof v.recordId !== 'string')
    errors.push('recordId must be a dotted path');
  let pageSize: PaginationSpec['pageSize'];
  if (v.pageSize !== undefined) {
    const p = v.pageSize;
    if (!isObject(p)) errors.push('pageSize must be an object {param, value}');
    else {
      pageSize = {};
      if (p.param !== undefined)
        str(p.param) ? (pageSize.param = p.param) : errors.push('pageSize.param must be a name');
      for (const k of ['value', 'request'] as const)
        if (p[k] !== undefined)
          typeof p[k] === 'number' && Number.isInteger(p[k]) && p[k] > 0
            ? (pageSize[k] = p[k])
            : errors.push(`pageSize.${k} must be a whole number > 0`);
    }
  }
  const next = nextRule(v.next, errors);
  const end = endRules(v.end, errors);
  if (errors.length || !next || !isObject(r)) return { ok: false, errors };
  const request: PaginationSpec['request'] = {
    method: str(r.method) ? r.method.toUpperCase() : 'GET',
    url: r.url as string,
  };
  if (headers.length) request.headers = headers;
  if (supply.length) request.supply = supply;
  if (typeof r.body === 'string') request.body = r.body;
  const spec: PaginationSpec = { version: SPEC_VERSION, request, records: v.records as string, next, end };
  if (typeof v.recordId === 'string') spec.recordId = v.recordId;
  if (pageSize) spec.pageSize = pageSize;
  return { ok: true, spec };
}
