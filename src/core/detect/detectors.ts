/**
 * Every detector, most specific first. The order breaks ties between equally confident results;
 * confidence decides otherwise. Add a detector here and it runs everywhere (panel, CLI, crawl).
 */
import { contentRange } from './content-range.ts';
import { gitlab } from './gitlab.ts';
import { linkHeader } from './link-header.ts';
import { totalCount } from './total-count.ts';
import type { Detector } from './types.ts';
import { vanilla } from './vanilla.ts';
import { wordpress } from './wordpress.ts';
import { yii } from './yii.ts';
// Body schemes
import { drf } from './drf.ts';
import { generic } from './generic.ts';
import { google } from './google.ts';
import { graphApi } from './graph-api.ts';
import { hal } from './hal.ts';
import { jsonApi } from './json-api.ts';
import { laravel } from './laravel.ts';
import { odata } from './odata.ts';
import { offsetLimit } from './offset-limit.ts';
import { pageNumber } from './page-number.ts';
import { relay } from './relay.ts';
import { slack } from './slack.ts';
import { stripe } from './stripe.ts';
import { uservoice } from './uservoice.ts';
import { vend } from './vend.ts';
import { vend2 } from './vend-2.ts';
import { zendesk } from './zendesk.ts';
import { algolia } from './algolia.ts';
import { discogs } from './discogs.ts';
import { dropbox } from './dropbox.ts';
import { notion } from './notion.ts';
import { twitter } from './twitter.ts';
import { zoom } from './zoom.ts';
import { ckan } from './ckan.ts';
import { elasticsearch } from './elasticsearch.ts';
import { socrata } from './socrata.ts';
import { bitbucket } from './bitbucket.ts';
import { confluence } from './confluence.ts';
import { jira } from './jira.ts';
import { reddit } from './reddit.ts';
import { strapi } from './strapi.ts';

export const detectors: Detector[] = [
  // Header schemes
  vanilla,
  gitlab,
  wordpress,
  yii,
  contentRange,
  linkHeader,
  totalCount,
  // Body schemes: unique signatures first, the generic catch-all last
  stripe,
  notion,
  slack,
  algolia,
  twitter,
  zoom,
  elasticsearch,
  ckan,
  socrata,
  reddit,
  bitbucket,
  confluence,
  jira,
  strapi,
  discogs,
  dropbox,
  odata,
  relay,
  vend,
  vend2,
  uservoice,
  laravel,
  jsonApi,
  hal,
  zendesk,
  graphApi,
  google,
  drf,
  pageNumber,
  offsetLimit,
  generic,
];
