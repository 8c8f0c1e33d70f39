import { MouseEvent, ReactNode, useEffect, useState } from 'react';

/** The current pathname, kept in sync with history navigation. */
export function usePathname(): string {
  const [pathname, setPathname] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPathname(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return pathname;
}

let navigationGuard: (() => boolean) | null = null;

/**
 * Installs a check run before in-app navigation (e.g. "unsaved changes, leave anyway?"); returning false
 * cancels it. Returns a function that removes the guard.
 */
export function setNavigationGuard(guard: () => boolean): () => void {
  navigationGuard = guard;
  return () => {
    if (navigationGuard === guard) navigationGuard = null;
  };
}

export function navigate(to: string): void {
  if (navigationGuard && !navigationGuard()) return;
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}
