import type { ReactNode } from 'react';

export interface TabSpec {
  id: string;
  label: string;
  /** e.g. a count or a warning dot shown after the label */
  badge?: ReactNode;
  content: ReactNode;
}

interface Props {
  tabs: readonly TabSpec[];
  active: string;
  onChange(id: string): void;
  label: string;
  className?: string;
}

/** A tab strip over one panel (WAI-ARIA tabs pattern); only the active tab's content is rendered. */
export function Tabs({ tabs, active, onChange, label, className }: Props) {
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  return (
    <div className={`tabs ${className ?? ''}`}>
      <div role="tablist" aria-label={label} className="tab-strip">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={t.id === current?.id}
            data-testid={`tab-${t.id}`}
            onClick={() => onChange(t.id)}
          >
            {t.label}
            {t.badge !== undefined && <span className="tab-badge">{t.badge}</span>}
          </button>
        ))}
      </div>
      {/* keyed by tab so each tab opens at its top, not at the scroll position of the one before */}
      <div key={current?.id} role="tabpanel" className="tab-panel" data-testid={`panel-${current?.id}`}>
        {current?.content}
      </div>
    </div>
  );
}
