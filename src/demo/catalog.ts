/**
 * Every demo API style in one list: `GET /api/styles.json` serves `styles`, the server routes `routes`.
 * Adding a style means writing one file under styles/ and listing it here.
 */
import type { DemoApi, Route, StyleInfo } from './http.ts';
import { laravel } from './styles/laravel.ts';
import { pageNumber } from './styles/page-number.ts';
import { uservoice } from './styles/uservoice.ts';
import { vanilla } from './styles/vanilla.ts';
import { vend } from './styles/vend.ts';

export const apis: DemoApi[] = [vanilla, vend, laravel, pageNumber, uservoice];

export const styles: StyleInfo[] = apis.flatMap((a) => a.styles);

/** Routes by exact path (no pattern matching: every demo endpoint has a fixed path). */
export const routes: Map<string, Route> = new Map(apis.flatMap((a) => a.routes).map((r) => [r.path, r]));
