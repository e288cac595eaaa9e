import type { ReactNode } from 'react';
import { Icon } from '../common/Icon';

/** A reading page (rulebook, glossary) with a way back. */
export function PageShell({ title, icon, onBack, backLabel, children }: { title: string; icon: string; onBack: () => void; backLabel: string; children: ReactNode }) {
  return (
    <div className="page">
      <header className="page-header">
        <button type="button" className="link-button" onClick={onBack}>
          ← {backLabel}
        </button>
        <h1>
          <Icon name={icon} /> {title}
        </h1>
      </header>
      <main className="page-body">{children}</main>
    </div>
  );
}

export interface PageProps {
  onBack: () => void;
  backLabel: string;
}
