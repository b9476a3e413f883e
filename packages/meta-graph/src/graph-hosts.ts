/**
 * Which Meta login issued the token: Facebook Login (Pages, and Instagram through a Page),
 * Instagram API with Instagram Login, or Threads. Each has its own hosts and token grants.
 */
export type GraphLoginKind = 'facebook' | 'instagram' | 'threads';

/** The hosts of one login kind. */
export interface GraphHosts {
  /** Where API calls go. */
  api: string;
  /** Where the browser goes to approve the app. */
  authorize: string;
  /** Where the authorization code is exchanged. */
  codeExchange: string;
}

/**
 * The hosts of each login, from Meta's docs:
 * - Facebook Login: https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow
 *   (dialog `www.facebook.com/<version>/dialog/oauth`, code and long-lived exchange at
 *   `graph.facebook.com/<version>/oauth/access_token`).
 * - Instagram Login: https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login
 *   (`www.instagram.com/oauth/authorize`, code at `api.instagram.com/oauth/access_token`, API and
 *   long-lived tokens at `graph.instagram.com`).
 * - Threads: https://developers.facebook.com/documentation/threads/get-started/get-access-tokens-and-permissions
 *   (the Authorization Window at `threads.com/oauth/authorize`, updated Aug 2026; everything else at
 *   `graph.threads.net`, which https://developers.facebook.com/docs/threads/reference says serves
 *   the API as `graph.threads.com` does).
 */
export const GRAPH_HOSTS: Readonly<Record<GraphLoginKind, GraphHosts>> = {
  facebook: {
    api: 'https://graph.facebook.com',
    authorize: 'https://www.facebook.com',
    codeExchange: 'https://graph.facebook.com',
  },
  instagram: {
    api: 'https://graph.instagram.com',
    authorize: 'https://www.instagram.com',
    codeExchange: 'https://api.instagram.com',
  },
  threads: {
    api: 'https://graph.threads.net',
    authorize: 'https://threads.com',
    codeExchange: 'https://graph.threads.net',
  },
};
