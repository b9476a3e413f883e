import { bearerTokensOf, connectRequest, tokensFromAnswer, type ConnectableAccount, type OAuthConnect } from '@smm/core/adapter-kit';
import { OrganizationAclsSchema, UserInfoSchema } from './api-schemas.js';
import type { LinkedInCredentials } from './credentials.js';

/**
 * Scopes asked for by default: sign-in (`openid profile`), posting and reading as the member
 * (`w_member_social`), and as the organisations the member administers (`w_organization_social`,
 * `r_organization_social`, `rw_organization_admin` for their statistics, followers and roles).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api (permissions)
 */
export const LINKEDIN_DEFAULT_SCOPES = [
  'openid',
  'profile',
  'w_member_social',
  'w_organization_social',
  'r_organization_social',
  'rw_organization_admin',
] as const;

/**
 * LinkedIn's connect flow, OAuth 2.0 3-legged
 * (https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow):
 * authorize at `www.linkedin.com/oauth/v2/authorization`, exchange (and refresh, for apps
 * approved for programmatic refresh tokens) at `/oauth/v2/accessToken` with the client id and
 * secret in the body, revoke at `/oauth/v2/revoke`. The accounts behind a login are the member
 * (OpenID `userinfo` → `urn:li:person:{sub}`) and every organisation it administers
 * (`GET /rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`): the one chosen
 * becomes the author of the account's posts. @internal
 */
export function linkedinConnect(config: {
  authBaseUrl: string;
  apiBaseUrl: string;
  linkedinVersion: string;
}): OAuthConnect<LinkedInCredentials> {
  return {
    kind: 'oauth2',
    endpoints: () => ({
      issuer: config.authBaseUrl,
      authorizationUrl: `${config.authBaseUrl}/oauth/v2/authorization`,
      tokenUrl: `${config.authBaseUrl}/oauth/v2/accessToken`,
      revocationUrl: `${config.authBaseUrl}/oauth/v2/revoke`,
    }),
    defaultScopes: LINKEDIN_DEFAULT_SCOPES,
    // LinkedIn's web flow authenticates the app with its secret; PKCE is for its native-app flow.
    pkce: 'none',
    clientAuthentication: 'client_secret_post',
    refresh: 'rotating',
    toCredentials: (tokens, { clientId, clientSecret, now }) => ({
      ...tokensFromAnswer(tokens, { expiresFrom: now }),
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
    }),
    tokensOf: bearerTokensOf,
    async listConnectableAccounts(credentials, context) {
      // https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2
      const me = await connectRequest(context, {
        platform: 'linkedin',
        what: 'GET /v2/userinfo',
        url: `${config.apiBaseUrl}/v2/userinfo`,
        bearer: credentials.accessToken,
        schema: UserInfoSchema,
      });
      // https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/organization-access-control-by-role
      const acls = await connectRequest(context, {
        platform: 'linkedin',
        what: 'GET /rest/organizationAcls?q=roleAssignee',
        url: `${config.apiBaseUrl}/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED`,
        headers: { 'linkedin-version': config.linkedinVersion, 'x-restli-protocol-version': '2.0.0' },
        bearer: credentials.accessToken,
        schema: OrganizationAclsSchema,
      });
      const member: ConnectableAccount<LinkedInCredentials> = {
        id: `urn:li:person:${me.sub}`,
        ...(me.name ? { displayName: me.name } : {}),
        kind: 'user',
      };
      const organizations = [...new Set(acls.elements.map((acl) => acl.organization))].map(
        (urn): ConnectableAccount<LinkedInCredentials> => ({
          id: urn,
          kind: 'organization',
        }),
      );
      return [member, ...organizations];
    },
  };
}
