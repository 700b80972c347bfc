/**
 * Every demo API style in one list: `GET /api/styles.json` serves `styles`, the server routes `routes`.
 * Adding a style means writing one file under styles/ and listing it here.
 */
import type { DemoApi, Route, StyleInfo } from './http.ts';
import { drf } from './styles/drf.ts';
import { github } from './styles/github.ts';
import { gitlab } from './styles/gitlab.ts';
import { google } from './styles/google.ts';
import { hal } from './styles/hal.ts';
import { jsonApi } from './styles/json-api.ts';
import { jsonServer } from './styles/json-server.ts';
import { laravel } from './styles/laravel.ts';
import { odata } from './styles/odata.ts';
import { offsetLimit } from './styles/offset-limit.ts';
import { pageNumber } from './styles/page-number.ts';
import { postgrest } from './styles/postgrest.ts';
import { relay } from './styles/relay.ts';
import { slack } from './styles/slack.ts';
import { stripe } from './styles/stripe.ts';
import { uservoice } from './styles/uservoice.ts';
import { vanilla } from './styles/vanilla.ts';
import { vend } from './styles/vend.ts';
import { wordpress } from './styles/wordpress.ts';
import { zendesk } from './styles/zendesk.ts';

/** Seed styles first (the API docs Pagescope must handle end to end), then the common ones. */
const apis: DemoApi[] = [
  vanilla,
  vend,
  laravel,
  pageNumber,
  uservoice,
  github,
  stripe,
  slack,
  jsonApi,
  hal,
  odata,
  google,
  relay,
  drf,
  gitlab,
  wordpress,
  postgrest,
  offsetLimit,
  zendesk,
  jsonServer,
];

export const styles: StyleInfo[] = apis.flatMap((a) => a.styles);

/** Routes by exact path (no pattern matching: every demo endpoint has a fixed path). */
export const routes: Map<string, Route> = new Map(apis.flatMap((a) => a.routes).map((r) => [r.path, r]));
