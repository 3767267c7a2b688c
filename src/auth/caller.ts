/** Who is calling the HTTP API, once their token is checked and they are found among Tandem's people. */
export interface Caller {
  tenantId: string;
  personId: string;
  teamsUserId: string;
  aadObjectId: string | null;
  name: string;
  isTenantAdmin: boolean;
  via: 'teams-sso' | 'development';
}
