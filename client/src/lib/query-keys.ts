// Query keys more than one feature needs, in a module of their own so that importing one pulls in
// nothing else (the navigation's inbox count is on the first load).

export const CASES_QUERY_KEY = ['cases'] as const;
/** The work inbox and its counts (features/inbox): computed from the cases, stale whenever they change. */
export const INBOX_QUERY_KEY = [...CASES_QUERY_KEY, 'inbox'] as const;
