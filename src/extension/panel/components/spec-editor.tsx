/**
 * The pagination spec in the Pagination tab: the JSON the crawl follows, an Edit form with the same
 * fields as the CLI's override flags (edits apply at once to the chain, predictions, diagnostics and
 * the crawl; Reset returns to detection; remembered per endpoint), and the Export config menu.
 * The draft's reading and checking is spec-draft.ts; the fields are spec-fields.tsx.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { usePanelState } from '../state/panel-context.ts';
import type { CapturedItem } from '../state/captured-item.ts';
import { arrayPaths, draftOf, readDraft, type Draft, type NextChoice } from './spec-draft.ts';
import { SpecExportMenu } from './spec-export-menu.tsx';
import { SelectField, TextField } from './spec-fields.tsx';
import './spec-editor.css';

const NEXT_OPTIONS: readonly (readonly [NextChoice, string])[] = [
  ['', 'as detected'],
  ['link', 'Link header (rel=next)'],
  ['next-url', 'next URL at a body path'],
  ['next-header', 'next URL in a header'],
  ['cursor', 'cursor at a body path'],
  ['page', 'page number parameter'],
  ['offset', 'offset parameter'],
];

/** The label and placeholder of the field saying where the next page is, per choice. */
const NEXT_VALUE: Record<Exclude<NextChoice, '' | 'link'>, { label: string; hint: string }> = {
  'next-url': { label: 'Body path', hint: 'links.next' },
  'next-header': { label: 'Header', hint: 'Paging-Next' },
  cursor: { label: 'Body path', hint: 'meta.next_cursor' },
  page: { label: 'Parameter', hint: 'page' },
  offset: { label: 'Parameter', hint: 'page' },
};

const CURSOR_IN_OPTIONS: readonly (readonly [Draft['cursorIn'], string])[] = [
  ['', 'the query (default)'],
  ['query', 'the query'],
  ['body', 'the JSON body (parameter = body path)'],
];

const TOTAL_HINT = 'as detected (path or header:Name)';

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
  const storedText = JSON.stringify(stored ?? null);
  // The body is parsed once per request shown, not on every render.
  const choices = useMemo(() => arrayPaths(item.exchange.response.bodyText), [item.exchange]);
  // Another request of the same endpoint, or a reset: the form shows what is stored.
  useEffect(() => {
    setDraft(draftOf(stored));
    setError(null);
  }, [item.id, storedText]);

  const commit = (d: Draft = latest.current) => {
    const o = readDraft(d);
    if (typeof o === 'string') return setError(o);
    setError(specs.actions.set(item, o));
  };
  /** A text field's value and handlers: typing updates the draft, leaving the field commits it. */
  const field = (key: Exclude<keyof Draft, 'next' | 'cursorIn'>) => ({
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
  const nextValue = draft.next && draft.next !== 'link' ? NEXT_VALUE[draft.next] : null;
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
          <TextField
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
          <SelectField
            label="Next page from"
            testid="spec-next"
            value={draft.next}
            options={NEXT_OPTIONS}
            onSelect={(next) => {
              const d = { ...latest.current, next };
              setDraft(d);
              if (!d.next || d.next === 'link' || d.nextValue.trim()) commit(d);
            }}
          />
          {nextValue && <TextField testid="spec-next-value" {...nextValue} {...field('nextValue')} />}
          {draft.next === 'cursor' && (
            <>
              <TextField
                label="Cursor parameter"
                testid="spec-cursor-param"
                hint="cursor"
                {...field('cursorParam')}
              />
              <SelectField
                label="Cursor goes in"
                testid="spec-cursor-in"
                value={draft.cursorIn}
                options={CURSOR_IN_OPTIONS}
                onSelect={(cursorIn) => {
                  const d = { ...latest.current, cursorIn };
                  setDraft(d);
                  commit(d);
                }}
              />
            </>
          )}
          {draft.next === 'page' && (
            <TextField label="First page" testid="spec-page-start" hint="1" {...field('pageStart')} />
          )}
          <TextField label="Page size parameter" testid="spec-limit-param" {...field('limitParam')} />
          {canRaise && (
            <TextField
              label={`Ask for per page (${sizeParam}), from page 2`}
              testid="spec-page-size"
              hint={`as page 1 (${current?.pageSize?.value ?? '?'}); more = fewer requests`}
              {...field('pageSize')}
            />
          )}
          <TextField label="Has-more flag path" testid="spec-has-more" {...field('hasMore')} />
          <TextField label="Total records" testid="spec-total" hint={TOTAL_HINT} {...field('total')} />
          <TextField
            label="Total pages"
            testid="spec-total-pages"
            hint={TOTAL_HINT}
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
      <SpecExportMenu item={item} />
    </section>
  );
}
