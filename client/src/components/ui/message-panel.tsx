import type { ReactNode } from 'react';

type MessagePanelProps = { eyebrow?: string; title: string; body: string; actions?: ReactNode };

/** Full-width notice for not-found, forbidden and crashed pages. */
export function MessagePanel({ eyebrow, title, body, actions }: MessagePanelProps) {
  return (
    <section className="message-panel">
      {eyebrow && <p className="message-eyebrow">{eyebrow}</p>}
      <h1>{title}</h1>
      <p>{body}</p>
      {actions && <div className="message-actions">{actions}</div>}
    </section>
  );
}
