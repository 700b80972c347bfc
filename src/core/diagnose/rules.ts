/** Every diagnostic rule, in report order. Add a rule here and it runs in the panel and the CLI. */
import { duplicateRecords } from './rules/duplicate-records.ts';
import { inconsistentTotals } from './rules/inconsistent-totals.ts';
import { linkCycle } from './rules/link-cycle.ts';
import { linkHygiene } from './rules/link-hygiene.ts';
import { linksOverNumbers } from './rules/links-over-numbers.ts';
import { missingRecords } from './rules/missing-records.ts';
import { nextOnLastPage } from './rules/next-on-last-page.ts';
import { pageSize } from './rules/page-size.ts';
import { repeatedLastPage } from './rules/repeated-last-page.ts';
import { unstableOrder } from './rules/unstable-order.ts';
import type { Rule } from './types.ts';

export const rules: Rule[] = [
  duplicateRecords,
  missingRecords,
  linkCycle,
  inconsistentTotals,
  nextOnLastPage,
  repeatedLastPage,
  pageSize,
  unstableOrder,
  linkHygiene,
  linksOverNumbers,
];
