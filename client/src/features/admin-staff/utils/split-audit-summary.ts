import type { AuditEntry } from '@gridgov/shared';

/**
 * A category's entries are summarised by the server as `<code> <name>` (`facilities.streetlight 路灯损坏`).
 * The internal key is not a word of the UI: the name leads and the code is shown apart, muted and labelled.
 */
export function splitAuditSummary(entry: Pick<AuditEntry, 'entity' | 'entityId' | 'summary'>): {
  text: string;
  code: string | null;
} {
  const code = entry.entityId;
  if (entry.entity === 'category' && code && entry.summary.startsWith(`${code} `)) {
    return { text: entry.summary.slice(code.length + 1), code };
  }
  return { text: entry.summary, code: null };
}
