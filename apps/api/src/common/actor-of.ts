/** The part of an authenticated request this module reads (the auth guard sets `principal`). */
export interface RequestWithPrincipal {
  principal?: { kind: 'user'; user: { email: string } } | { kind: 'apiKey'; keyId: string };
}

/** Who made a request, for `updatedBy` / `publishedBy`: the user's email, `apiKey:<id>`, or null. */
export function actorOf(request: RequestWithPrincipal | undefined): string | null {
  const principal = request?.principal;
  if (!principal) return null;
  return principal.kind === 'user' ? principal.user.email : `apiKey:${principal.keyId}`;
}
