/**
 * The pagination spec in the Pagination tab: the JSON the crawl follows, an Edit form with the same
 * fields as the CLI's override flags (edits apply at once to the chain, predictions, diagnostics and
 * the crawl; Reset returns to detection; remembered per endpoint), and the Export config menu (dlt,
 * Airbyte, the pagescope command, the spec JSON — copy or download).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isObject, parseJson } from '../../../core/json.ts';
import { formatSpecPath, type SpecOverrides } from '../../../core/spec/index.ts';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { EXPORT_TARGETS, type ExportTarget } from '../state/spec-edits.ts';
import './spec-editor.css';

type NextChoice = '' | 'link' | 'next-url' | 'next-header' | 'cursor' | 'page' | 'offset';

/** The form's fields, as text (empty = keep what detection found). */
type Draft = {
  records: string;
  next: NextChoice;
  nextValue: string;
  cursorParam: string;
  cursorIn: '' | 'query' | 'body';
  pageStart: string;
  limitParam: string;
  pageSize: string;
  hasMore: string;
  total: string;
  totalPages: string;
};

function draftOf(o: SpecOverrides | undefined): Draft {
  const next: NextChoice = o?.nextLink
    ? 'link'
    : o?.nextUrl !== undefined
      ? 'next-url'
      : o?.nextHeader !== undefined
        ? 'next-header'
        : o?.cursor !== undefined
          ? 'cursor'
          : o?.pageParam !== undefined
            ? 'page'
            : o?.offsetParam !== undefined
              ? 'offset'
              : '';
  return {
    records: o?.records ?? '',
    next,
    nextValue: o?.nextUrl ?? o?.nextHeader ?? o?.cursor ?? o?.pageParam ?? o?.offsetParam ?? '',
    cursorParam: o?.cursorParam ?? '',
    cursorIn: o?.cursorIn ?? '',
    pageStart: o?.pageStart !== undefined ? String(o.pageStart) : '',
    limitParam: o?.limitParam ?? '',
    pageSize: o?.pageSize !== undefined ? String(o.pageSize) : '',
    hasMore: o?.hasMore ?? '',
    total: o?.total ?? '',
    totalPages: o?.totalPages ?? '',
  };
}

function overridesOf(d: Draft): SpecOverrides | string {
  const o: SpecOverrides = {};
  const t = (s: string) => s.trim() || undefined;
  o.records = t(d.records);
  const v = t(d.nextValue);
  if (d.next === 'link') o.nextLink = true;
  else if (d.next && !v)
    return `say where: the ${d.next === 'page' || d.next === 'offset' ? 'parameter name' : 'path or header'} is empty`;
  if (d.next === 'next-url') o.nextUrl = v;
  if (d.next === 'next-header') o.nextHeader = v;
  if (d.next === 'cursor') o.cursor = v;
  if (d.next === 'page') o.pageParam = v;
  if (d.next === 'offset') o.offsetParam = v;
  if (d.next === 'cursor') {
    o.cursorParam = t(d.cursorParam);
    if (d.cursorIn) o.cursorIn = d.cursorIn;
  }
  if (d.next === 'page' && t(d.pageStart) !== undefined) {
    if (!/^\d+$/.test(d.pageStart.trim())) return 'the first page is a whole number';
    o.pageStart = Number(d.pageStart.trim());
  }
  o.limitParam = t(d.limitParam);
  if (t(d.pageSize) !== undefined) {
    if (!/^[1-9]\d*$/.test(d.pageSize.trim())) return 'the page size is a whole number ≥ 1';
    o.pageSize = Number(d.pageSize.trim());
  }
  o.hasMore = t(d.hasMore);
  o.total = t(d.total);
  o.totalPages = t(d.totalPages);
  return o;
}

/** Paths of the arrays in a body (arrays not entered, 4 levels deep at most): the records path's choices. */
export function arrayPaths(bodyText: string | null): string[] {
  const parsed = parseJson(bodyText);
  if (!parsed.ok) return [];
  const out: string[] = [];
  const walk = (v: unknown, path: string[], depth: number) => {
    if (Array.isArray(v)) return void out.push(formatSpecPath(path));
    if (!isObject(v) || depth > 4) return;
    for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
  };
  walk(parsed.value, [], 0);
  return out.slice(0, 50);
}

function Field(props: {
  label: string;
  testid: string;
  value: string;
  hint?: string;
  list?: string;
  onValue(v: string): void;
  onCommit(v: string): void;
}) {
  return (
    <label class="spec-field">
      <span class="muted">{props.label}</span>
      <input
        type="text"
        class="mono"
        data-testid={props.testid}
        value={props.value}
        placeholder={props.hint ?? 'as detected'}
        list={props.list}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
        onChange={(e) => props.onCommit((e.currentTarget as HTMLInputElement).value)}
      />
    </label>
  );
}

const NEXT_LABEL: Record<NextChoice, string> = {
  '': 'as detected',
  link: 'Link header (rel=next)',
  'next-url': 'next URL at a body path',
  'next-header': 'next URL in a header',
  cursor: 'cursor at a body path',
  page: 'page number parameter',
  offset: 'offset parameter',
};

export function SpecEditor({ item }: { item: CapturedItem }) {
  const { specs } = usePanelState();
  const stored = specs.overridesOf(item);
  const [draft, setDraftState] = useState<Draft>(() => draftOf(stored));
  // Events may come faster than renders (input then change at once): always build on the latest draft.
  const latest = useRef(draft);
  const setDraft = (d: Draft) => {
    latest.current = d;
    setDraftState(d);
  };
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<ExportTarget>('dlt');
  const storedText = JSON.stringify(stored ?? null);
  // The body is parsed once per request shown, not on every render.
  const choices = useMemo(() => arrayPaths(item.exchange.response.bodyText), [item.exchange]);
  // Another request of the same endpoint, or a reset: the form shows what is stored.
  useEffect(() => {
    setDraft(draftOf(stored));
    setError(null);
  }, [item.id, storedText]);

  const commit = (d: Draft = latest.current) => {
    const o = overridesOf(d);
    if (typeof o === 'string') return setError(o);
    setError(specs.actions.set(item, o));
  };
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onValue: (v: string) => setDraft({ ...latest.current, [key]: v }),
    onCommit: (v: string) => {
      const d = { ...latest.current, [key]: v };
      setDraft(d);
      commit(d);
    },
  });
  let specText: string;
  let current: ReturnType<typeof specs.specOf> | null = null;
  try {
    current = specs.specOf(item);
    specText = JSON.stringify(current, null, 2);
  } catch (e) {
    specText = `(cannot build the spec: ${(e as Error).message})`;
  }
  // Raising the page size is offered where the spec knows its parameter and pages are not numbered.
  const sizeParam = current?.pageSize?.param;
  const canRaise = !!sizeParam && current?.next.type !== 'page';
  const edited = !!stored;
  return (
    <section class="spec-section" data-testid="spec-section">
      <h3>
        {'Pagination spec '}
        <span class="muted" data-testid="spec-state">
          {edited ? '· edited (rules you set)' : '· as detected'}
        </span>
      </h3>
      <details class="spec-edit" data-testid="spec-edit" open={edited}>
        <summary data-testid="spec-edit-toggle">Edit</summary>
        <div class="spec-form">
          <Field
            label="Records path"
            testid="spec-records"
            hint="as detected ('.' = root)"
            list={`spec-records-${item.id}`}
            {...field('records')}
          />
          <datalist id={`spec-records-${item.id}`} data-testid="spec-records-choices">
            {choices.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <label class="spec-field">
            <span class="muted">Next page from</span>
            <select
              data-testid="spec-next"
              value={draft.next}
              onChange={(e) => {
                const d = {
                  ...latest.current,
                  next: (e.currentTarget as HTMLSelectElement).value as NextChoice,
                };
                setDraft(d);
                if (!d.next || d.next === 'link' || d.nextValue.trim()) commit(d);
              }}
            >
              {(Object.keys(NEXT_LABEL) as NextChoice[]).map((k) => (
                <option key={k} value={k}>
                  {NEXT_LABEL[k]}
                </option>
              ))}
            </select>
          </label>
          {draft.next && draft.next !== 'link' && (
            <Field
              label={
                draft.next === 'page' || draft.next === 'offset'
                  ? 'Parameter'
                  : draft.next === 'next-header'
                    ? 'Header'
                    : 'Body path'
              }
              testid="spec-next-value"
              hint={
                draft.next === 'cursor'
                  ? 'meta.next_cursor'
                  : draft.next === 'next-header'
                    ? 'Paging-Next'
                    : draft.next === 'next-url'
                      ? 'links.next'
                      : 'page'
              }
              {...field('nextValue')}
            />
          )}
          {draft.next === 'cursor' && (
            <>
              <Field
                label="Cursor parameter"
                testid="spec-cursor-param"
                hint="cursor"
                {...field('cursorParam')}
              />
              <label class="spec-field">
                <span class="muted">Cursor goes in</span>
                <select
                  data-testid="spec-cursor-in"
                  value={draft.cursorIn}
                  onChange={(e) => {
                    const d = {
                      ...latest.current,
                      cursorIn: (e.currentTarget as HTMLSelectElement).value as Draft['cursorIn'],
                    };
                    setDraft(d);
                    commit(d);
                  }}
                >
                  <option value="">the query (default)</option>
                  <option value="query">the query</option>
                  <option value="body">the JSON body (parameter = body path)</option>
                </select>
              </label>
            </>
          )}
          {draft.next === 'page' && (
            <Field label="First page" testid="spec-page-start" hint="1" {...field('pageStart')} />
          )}
          <Field label="Page size parameter" testid="spec-limit-param" {...field('limitParam')} />
          {canRaise && (
            <Field
              label={`Ask for per page (${sizeParam}), from page 2`}
              testid="spec-page-size"
              hint={`as page 1 (${current?.pageSize?.value ?? '?'}); more = fewer requests`}
              {...field('pageSize')}
            />
          )}
          <Field label="Has-more flag path" testid="spec-has-more" {...field('hasMore')} />
          <Field
            label="Total records"
            testid="spec-total"
            hint="as detected (path or header:Name)"
            {...field('total')}
          />
          <Field
            label="Total pages"
            testid="spec-total-pages"
            hint="as detected (path or header:Name)"
            {...field('totalPages')}
          />
          <div class="spec-actions">
            <button data-testid="spec-apply" onClick={() => commit()}>
              Apply
            </button>
            <button
              data-testid="spec-reset"
              disabled={!edited}
              onClick={() => specs.actions.reset(item)}
              title="Back to what detection found"
            >
              Reset to detection
            </button>
            {error && (
              <span class="spec-error" role="alert" data-testid="spec-error">
                {error}
              </span>
            )}
          </div>
        </div>
      </details>
      <pre class="spec-json mono" data-testid="spec-json">
        {specText}
      </pre>
      <div class="spec-export" data-testid="spec-export">
        <span class="muted">Export config</span>
        <select
          data-testid="spec-export-target"
          value={target}
          onChange={(e) => setTarget((e.currentTarget as HTMLSelectElement).value as ExportTarget)}
        >
          {EXPORT_TARGETS.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <button data-testid="spec-export-copy" onClick={() => void specs.actions.copy(item, target)}>
          Copy
        </button>
        <button data-testid="spec-export-download" onClick={() => specs.actions.download(item, target)}>
          Download
        </button>
      </div>
    </section>
  );
}
