/**
 * The detail pane's tabs, in order. A new view (chain, crawl) is one more entry here: an id, a
 * label and a component that gets the selected item.
 */
import type { ComponentType } from 'preact';
import type { CapturedItem } from '../state/captured-item.ts';
import { ChainTab } from './chain-tab.tsx';
import { HeadersTab } from './headers-tab.tsx';
import { PaginationTab } from './pagination-tab.tsx';
import { ResponseTab } from './response-tab.tsx';

export type DetailTab = { id: string; label: string; Component: ComponentType<{ item: CapturedItem }> };

export const detailTabs: DetailTab[] = [
  { id: 'headers', label: 'Headers', Component: HeadersTab },
  { id: 'response', label: 'Response', Component: ResponseTab },
  { id: 'pagination', label: 'Pagination', Component: PaginationTab },
  { id: 'chain', label: 'Chain', Component: ChainTab },
];
