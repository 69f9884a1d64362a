import { useEffect, useId, useRef, useState } from 'react';
import { matchPath, NavLink, useLocation } from 'react-router';

/** `badge`: a count shown after the label (with `badgeLabel` read out instead of the bare number). */
export type NavItem = { to: string; label: string; isEnd?: boolean; badge?: number; badgeLabel?: string };
/** Entries folded under one menu button on wide screens (the administrator's pages, issue 13). */
export type NavGroup = { label: string; items: readonly NavItem[] };

type NavMenuGroupProps = { group: NavGroup; onNavigate: () => void };

/**
 * A disclosure menu in the header: one button that opens a list of links. Escape or a click elsewhere
 * closes it. On phones the list is always shown, under its label, inside the hamburger menu.
 */
export function NavMenuGroup({ group, onNavigate }: NavMenuGroupProps) {
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const isCurrent = group.items.some((item) => matchPath({ path: item.to, end: false }, pathname));

  useEffect(() => {
    if (!isOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setIsOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [isOpen]);

  return (
    <div className="nav-group" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`nav-link nav-group-toggle${isCurrent ? ' active' : ''}`}
        aria-expanded={isOpen}
        aria-controls={`${id}-menu`}
        onClick={() => setIsOpen((open) => !open)}
      >
        {group.label}
        <span className="nav-caret" aria-hidden="true" />
      </button>
      <span className="nav-group-label" aria-hidden="true">
        {group.label}
      </span>
      <ul id={`${id}-menu`} className="nav-group-menu" data-open={isOpen} aria-label={group.label}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.isEnd}
              className="nav-link"
              onClick={() => {
                setIsOpen(false);
                onNavigate();
              }}
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </div>
  );
}
