/**
 * A link to another view of the same tab. It keeps a real address, so it can
 * be opened in a new window or copied, but a plain click changes the view in
 * place, keeping what the tab has loaded instead of loading the page again.
 */
import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';

export function InAppLink(props: { href: string; open(): void; current?: boolean; children: ReactNode }) {
  const { href, open, current, children } = props;
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        open();
      }}
    >
      {children}
    </Link>
  );
}
